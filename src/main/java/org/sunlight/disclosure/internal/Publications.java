package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Department;
import org.sunlight.organization.Organization;
import org.sunlight.organization.Roles;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * Publications of decisions (事后公开), from the decision to the portal and the provincial platform.
 * <ul>
 * <li>A {@link CaseDecided} event creates the publication in the deciding step's transaction: masked text, a deadline
 * from the DMN {@code publication-deadline} (7 working days for licensing and penalty decisions, 20 for the others:
 * 国办发〔2018〕118号二(六); RULES 1.4, 1.5), and a {@code publication} process whose review task is due then. A minor
 * party (RULES 1.8) or secrets flagged by the decision (《政府信息公开条例》第十四条、第十五条; 《行政处罚法》第五十条)
 * withhold it at once.</li>
 * <li>The review (公示审查) publishes the checked text or withholds it on a stated legal ground; when the deadline
 * passes the task goes to the leaders.</li>
 * <li>A decision changed, revoked, or confirmed illegal or void is withdrawn within three working days with a public
 * reason (《行政处罚法》第四十八条第二款, 第八十五条), through {@code publication-withdrawal}.</li>
 * <li>Corrections keep the earlier text in the history (sl_publication_event).</li>
 * </ul>
 * Publishing, correcting and withdrawing write an outbox event in the same transaction.
 * BPMN calls this bean as {@code ${publications.review(task)}} etc.
 */
@Component("publications")
class Publications {

    static final String PROCESS = "publication";
    static final String WITHDRAWAL_PROCESS = "publication-withdrawal";
    static final String DEADLINE_DECISION = "publication-deadline";
    /** 行政处罚法第四十八条第二款: 三日内撤回 — working days (第八十五条). */
    static final int WITHDRAWAL_WORKING_DAYS = 3;

    private final PublicationMapper mapper;
    private final MaskingRules masking;
    private final StatutoryClock clock;
    private final Cases cases;
    private final Organization organization;
    private final RuntimeService runtimeService;
    private final DecisionService decisionService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Outbox outbox;
    /**
     * {@code sunlight.bench.bare}: the bare-Camunda baseline of the penalty benchmark (BENCHMARKS.md) — a decision
     * starts no publication and writes no outbox event. For benchmarking only; the prod profile refuses it.
     */
    private final boolean bare;

    Publications(PublicationMapper mapper, MaskingRules masking, StatutoryClock clock, Cases cases,
                 Organization organization, RuntimeService runtimeService, DecisionService decisionService,
                 ProcessEngineConfiguration engineConfiguration, Outbox outbox,
                 @org.springframework.beans.factory.annotation.Value("${sunlight.bench.bare:false}") boolean bare) {
        this.bare = bare;
        this.mapper = mapper;
        this.masking = masking;
        this.clock = clock;
        this.cases = cases;
        this.organization = organization;
        this.runtimeService = runtimeService;
        this.decisionService = decisionService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
        this.outbox = outbox;
    }

    // ------------------------------------------------------------------ a decision is made

    /** Runs inside the deciding step's transaction: if anything here fails, the decision is not made either. */
    @EventListener
    void onDecided(CaseDecided decided) {
        if (bare) {
            return;
        }
        Map<String, Object> deadline = privileged(() -> {
            DmnDecisionResult result = decisionService.evaluateDecisionByKey(DEADLINE_DECISION)
                    .variables(Map.of("kind", decided.kind())).evaluate();
            return result.getSingleResult().getEntryMap();
        });
        int days = ((Number) deadline.get("workingDays")).intValue();
        Date now = clock.now();

        PublicationRow row = new PublicationRow();
        row.publicId = UUID.randomUUID().toString();
        row.businessKey = decided.businessKey();
        row.caseNumber = decided.caseNumber();
        row.category = decided.category();
        row.kind = decided.kind();
        row.kindName = (String) deadline.get("kindName");
        row.departmentId = decided.departmentId();
        row.actingBody = decided.actingBody() != null ? decided.actingBody()
                : organization.department(decided.departmentId()).map(Department::actingBody).orElse("—");
        row.handlerId = cases.find(decided.businessKey()).map(CaseInfo::handlerId).orElse(null);
        row.decidedAt = decided.decidedAt();
        row.periodDays = days;
        // counted from the decision's period start: for an inspection result the inspection's end, not its hand-over
        // (RULES 5.5, 国发〔2019〕5号): one limit for the public result, which the inspection hands over days before it
        row.dueAt = clock.workingDaysAfter(decided.decidedAt(), days);
        row.partyType = decided.partyType();
        MaskingRules.Masked party = masking.mask(decided.partyName());
        row.partyName = party.text();
        // an organisation's unified social credit code is public; a person's identity number is not (RULES 1.8)
        row.partyCode = "organization".equals(decided.partyType()) ? decided.partyIdNumber() : null;
        // kept (never shown) to hide them wherever they appear in this and every later public text (RULES 1.8)
        row.partyAddress = atMost(decided.partyAddress(), 1000);
        row.partyPhone = atMost(decided.partyPhone(), 100);
        row.partyIdNumber = atMost(decided.partyIdNumber(), 64);
        MaskingRules.Party of = row.party();
        // the document number is typed by a person like the other texts, and published with them: masked the same way
        MaskingRules.Masked documentNo = masking.mask(decided.documentNo(), of);
        row.documentNo = documentNo.text();
        MaskingRules.Masked matter = masking.mask(decided.matter(), of);
        MaskingRules.Masked result = masking.mask(decided.result(), of);
        MaskingRules.Masked basis = masking.mask(decided.legalBasis(), of);
        row.matter = matter.text();
        row.decisionResult = result.text();
        row.legalBasis = basis.text();
        row.maskingVersion = masking.version();
        row.maskedItems = merge(party, documentNo, matter, result, basis);
        row.revision = 1;
        row.createdAt = now;
        row.updatedAt = now;
        // the handler's flag, or the birth date in a person's identity number: an unticked box must not publish a child
        boolean minor = decided.partyIsMinor() || ("individual".equals(decided.partyType())
                && PartyChecks.minorOn(decided.partyIdNumber(), clock.toDate(decided.decidedAt())));
        if (minor) {
            row.status = PublicationRow.WITHHELD;
            row.withheldReason = "当事人为未成年人，不予公开（RULES 1.8：地方行政处罚结果信息公开办法，当事人为未成年人的不公开）";
        } else if (decided.confidential()) {
            row.status = PublicationRow.WITHHELD;
            row.withheldReason = "决定时认定涉及国家秘密、商业秘密或者个人隐私，依法不予公开（《政府信息公开条例》第十四条、"
                    + "第十五条；《行政处罚法》第五十条）";
        } else if (deadline.get("withheldReason") != null) {
            // a kind of decision the law does not have published (DMN publication-deadline, with its articles)
            row.status = PublicationRow.WITHHELD;
            row.withheldReason = (String) deadline.get("withheldReason");
        } else {
            row.status = PublicationRow.PENDING;
        }
        mapper.insert(row);
        mapper.insertEvent(row, PublicationEvent.CREATED, "system", now, null);
        if (PublicationRow.WITHHELD.equals(row.status)) {
            mapper.insertEvent(row, PublicationEvent.WITHHELD, "system", now, row.withheldReason);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("publicationId", row.publicId);
        variables.put("handler", row.handlerId);
        variables.put("department", row.departmentId);
        variables.put("publicationDue", row.dueAt);
        variables.put("publicationDueText", clock.toDate(row.dueAt).toString());
        variables.put("kindName", row.kindName);
        variables.put("documentNo", row.documentNo);
        variables.put("partyDisplay", partyDisplay(row));
        variables.put("decidedOn", clock.toDate(row.decidedAt).toString());
        variables.put("maskingSummary", describeMasking(row.maskedItems));
        variables.put("publicMatter", row.matter);
        variables.put("publicResult", row.decisionResult);
        variables.put("publicLegalBasis", row.legalBasis);
        privileged(() -> runtimeService.startProcessInstanceByKey(PROCESS, row.businessKey, variables));
    }

    /** Start of {@code publication}: only Sunlight starts it, once per pending publication. */
    public void attach(DelegateExecution execution) {
        PublicationRow row = mapper.findByPublicId(Vars.requireText(execution, "publicationId", "公示编号"));
        if (row == null || mapper.attachReview(row.id, execution.getProcessInstanceId(), clock.now()) != 1) {
            throw new RuleViolation("publication-started-by-hand", "公示流程由执法决定自动发起，不能手工发起",
                    "The publication process is started by a decision, not by hand");
        }
    }

    /** The publication's deadlines move with the case's when a year's holiday schedule is loaded late. */
    @EventListener
    void on(org.sunlight.procedure.DeadlineMoved moved) {
        mapper.moveDeadline(moved.businessKey(), moved.from(), moved.to());
    }

    // ------------------------------------------------------------------ review (公示审查)

    /** Completion of the review (by the handler, or by a leader once overdue): publish the checked text, or withhold. */
    public void review(DelegateTask task) {
        PublicationRow row = requireOwnRow(task, true);
        String decision = Vars.requireOneOf(task, "reviewDecision", "审查结论", java.util.Set.of("publish", "withhold"));
        String actor = actor(task);
        Date now = clock.now();
        if ("withhold".equals(decision)) {
            String ground = Vars.requireOneOf(task, "withholdGround", "不予公开的依据", Labels.WITHHOLD_GROUNDS.keySet());
            String note = requireLength(Vars.requireText(task, "withholdNote", "不予公开的理由"), 500, "不予公开的理由");
            String reason = Labels.WITHHOLD_GROUNDS.get(ground) + "：" + note;
            requireOne(mapper.closePending(row.id, PublicationRow.WITHHELD, reason, now));
            row.status = PublicationRow.WITHHELD;
            mapper.insertEvent(row, PublicationEvent.WITHHELD, actor, now, reason);
            return;
        }
        // what the reviewer wrote is masked again, against the party's own stored data too: a review can hide more,
        // never reveal what the rules hide (RULES 1.8)
        MaskingRules.Masked matter = masking.mask(requireLength(Vars.requireText(task, "publicMatter",
                "违法事实或事项（公开文本）"), 2000, "违法事实或事项"), row.party());
        MaskingRules.Masked result = masking.mask(requireLength(Vars.requireText(task, "publicResult",
                "决定内容（公开文本）"), 2000, "决定内容"), row.party());
        MaskingRules.Masked basis = masking.mask(requireLength(Vars.requireText(task, "publicLegalBasis",
                "依据（公开文本）"), 4000, "依据"), row.party());
        row.matter = matter.text();
        row.decisionResult = result.text();
        row.legalBasis = basis.text();
        row.maskedItems = merge(row.maskedItems, matter, result, basis);
        row.publishedAt = now;
        row.publishedBy = actor;
        row.updatedAt = now;
        requireOne(mapper.publish(row));
        row.status = PublicationRow.PUBLISHED;
        String late = now.after(row.dueAt) ? "逾期公示（期限 " + clock.toDate(row.dueAt) + "）" : null;
        mapper.insertEvent(row, PublicationEvent.PUBLISHED, actor, now, late);
        outbox.add(Outbox.DECISION_PUBLISHED, row.publicId, view(row));
    }

    // ------------------------------------------------------------------ withdrawal (撤回)

    /** Start of {@code publication-withdrawal}: the decision was changed, revoked, or confirmed illegal or void. */
    public void registerRevocation(DelegateExecution execution) {
        String reference = Vars.requireText(execution, "caseNumber", "案号");
        String kind = Vars.requireOneOf(execution, "revocationKind", "变更或撤销情形", Labels.REVOCATIONS.keySet());
        String basis = requireLength(Vars.requireText(execution, "revocationBasis", "依据的复议决定书或裁判文书"), 300,
                "依据的复议决定书或裁判文书");
        LocalDate revokedOn = clock.toDate(Vars.requireText(execution, "revokedOn", "收到文书日期"));
        if (revokedOn.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", "收到文书日期不能晚于今天", "revokedOn cannot be in the future");
        }
        PublicationRow row = mapper.findOpenByCase(reference).stream().findFirst().orElseThrow(() -> new RuleViolation(
                "no-open-publication", "未找到案号为“" + reference + "”的已公示或待公示的执法决定",
                "No published or pending publication for case " + reference));
        String initiator = Vars.text(execution, "initiator");
        List<String> groups = initiator == null ? List.of() : organization.groupsOf(initiator);
        if (!groups.contains(row.departmentId) && !groups.contains(Roles.ADMIN)) {
            throw new RuleViolation("not-own-department", "只能撤回本部门作出的执法决定的公示信息",
                    "Only the deciding department withdraws its publications");
        }
        execution.setProcessBusinessKey(row.businessKey);
        String what = Labels.REVOCATIONS.get(kind);
        Date now = clock.now();
        String actor = initiator == null ? "system" : initiator;
        if (PublicationRow.PENDING.equals(row.status)) {
            // not public yet: stop the review and never publish it
            if (row.reviewInstanceId != null) {
                privileged(() -> {
                    runtimeService.deleteProcessInstance(row.reviewInstanceId, "执法决定已被" + what + "，停止公示", true,
                            true);
                    return null;
                });
            }
            String reason = "执法决定已被依法" + what + "（" + basis + "），停止公示";
            requireOne(mapper.closePending(row.id, PublicationRow.CANCELLED, reason, now));
            row.status = PublicationRow.CANCELLED;
            mapper.insertEvent(row, PublicationEvent.CANCELLED, actor, now, reason);
            execution.setVariable("withdrawalNeeded", false);
            return;
        }
        if (row.withdrawalInstanceId != null) {
            throw new RuleViolation("withdrawal-running", "该执法决定的公示信息已在撤回中", "A withdrawal is already under way");
        }
        row.revocationKind = kind;
        row.revocationBasis = basis;
        row.revokedOn = revokedOn;
        row.withdrawalDueAt = clock.workingDaysAfter(revokedOn, WITHDRAWAL_WORKING_DAYS);
        row.withdrawalInstanceId = execution.getProcessInstanceId();
        row.updatedAt = now;
        requireOne(mapper.registerRevocation(row));
        String revocation = what + "：" + basis + "（" + revokedOn + " 收到）";
        mapper.insertEvent(row, PublicationEvent.REVOKED, actor, now, revocation);

        execution.setVariable("withdrawalNeeded", true);
        execution.setVariable("publicationId", row.publicId);
        execution.setVariable("handler", row.handlerId == null ? initiator : row.handlerId);
        execution.setVariable("department", row.departmentId);
        execution.setVariable("withdrawalDue", row.withdrawalDueAt);
        execution.setVariable("withdrawalDueText", clock.toDate(row.withdrawalDueAt).toString());
        execution.setVariable("documentNo", row.documentNo);
        execution.setVariable("kindName", row.kindName);
        execution.setVariable("revocationText", revocation);
        execution.setVariable("withdrawalReason", "该" + row.kindName + "已被依法" + what + "（" + basis + "），"
                + ("penalty".equals(row.category) ? "依据《中华人民共和国行政处罚法》第四十八条第二款" : "依据国办发〔2018〕118号")
                + "撤回公示信息。");
    }

    /** The handler (or, once overdue, a leader) withdraws the publication with the reason the public reads. */
    public void withdraw(DelegateTask task) {
        PublicationRow row = requireOwnRow(task, false);
        String reason = masking.mask(requireLength(Vars.requireText(task, "withdrawalReason", "公开说明的理由"), 1000,
                "公开说明的理由"), row.party()).text();
        Date now = clock.now();
        requireOne(mapper.withdraw(row.id, reason, now));
        PublicationRow withdrawn = mapper.find(row.id);
        String late = now.after(row.withdrawalDueAt) ? "逾期撤回（期限 " + clock.toDate(row.withdrawalDueAt) + "）；" : "";
        mapper.insertEvent(withdrawn, PublicationEvent.WITHDRAWN, actor(task), now, late + reason);
        outbox.add(Outbox.DECISION_WITHDRAWN, row.publicId, view(withdrawn));
    }

    // ------------------------------------------------------------------ correction (更正)

    /**
     * Corrects a published text (信息不准确的及时更正, RULES 1.6). The earlier text stays in the history; the public sees
     * that and why it was corrected. Officers of the deciding department, leaders and administrators may correct.
     */
    @Transactional
    PublicDecision correct(String publicId, CorrectionRequest request, StaffUser user) {
        PublicationRow row = Optional.ofNullable(mapper.findByPublicId(publicId))
                .filter(r -> user.readsAllCases() || user.inGroup(r.departmentId))
                .orElseThrow(() -> ApiException.notFound("未找到该公示信息", "No such publication"));
        boolean mayCorrect = user.isAdmin() || user.hasRole(Roles.LEADER)
                || (user.hasRole(Roles.OFFICER) && user.inGroup(row.departmentId));
        if (!mayCorrect) {
            throw ApiException.forbidden("只有作出决定的部门的执法人员、负责人或管理员可以更正公示信息",
                    "Only the deciding department, leaders or administrators correct publications");
        }
        if (!PublicationRow.PUBLISHED.equals(row.status)) {
            throw ApiException.badRequest("not-published", "只能更正已公示的信息（当前状态：" + Labels.STATUSES.get(row.status) + "）",
                    "Only published information can be corrected");
        }
        String reason = request.reason() == null ? null : request.reason().trim();
        if (reason == null || reason.isEmpty() || reason.length() > 500) {
            throw ApiException.badRequest("invalid-reason", "请填写更正理由（500字以内）", "A reason (up to 500 characters) is required");
        }
        boolean changed = false;
        if (request.partyName() != null) {
            row.partyName = checked(org.sunlight.procedure.PartyChecks.requireName(request.partyName()), 200, "当事人", row);
            changed = true;
        }
        if (request.documentNo() != null) {
            row.documentNo = checked(request.documentNo(), 100, "决定书文号", row);
            changed = true;
        }
        if (request.matter() != null) {
            row.matter = checked(request.matter(), 2000, "违法事实或事项", row);
            changed = true;
        }
        if (request.result() != null) {
            row.decisionResult = checked(request.result(), 2000, "决定内容", row);
            changed = true;
        }
        if (request.legalBasis() != null) {
            row.legalBasis = checked(request.legalBasis(), 4000, "依据", row);
            changed = true;
        }
        if (!changed) {
            throw ApiException.badRequest("nothing-to-correct", "没有需要更正的内容", "Nothing to correct");
        }
        // the reason is published with the correction (portal, public API, outbox): masked by the same rules as the
        // texts, the party's own stored data included (RULES 1.8; 《政府信息公开条例》第十五条)
        MaskingRules.Masked maskedReason = masking.mask(reason, row.party());
        reason = maskedReason.text();
        row.maskedItems = merge(row.maskedItems, maskedReason);
        Date now = clock.now();
        row.revision++;
        row.updatedAt = now;
        if (mapper.correct(row) != 1) {
            throw new ApiException(409, "conflict", "该公示信息已被他人同时修改，请刷新后重试",
                    "The publication was changed at the same time; reload and try again");
        }
        mapper.insertEvent(row, PublicationEvent.CORRECTED, user.userId(), now, reason);
        PublicDecision view = view(mapper.find(row.id));
        outbox.add(Outbox.DECISION_CORRECTED, row.publicId, view);
        return view;
    }

    record CorrectionRequest(String partyName, String documentNo, String matter, String result, String legalBasis,
                             String reason) {
    }

    private String checked(String text, int max, String label, PublicationRow row) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw ApiException.badRequest("invalid-field", label + "不能为空且不超过" + max + "字",
                    label + " must be 1 to " + max + " characters");
        }
        MaskingRules.Masked masked = masking.mask(trimmed, row.party());
        row.maskedItems = merge(row.maskedItems, masked);
        return masked.text();
    }

    // ------------------------------------------------------------------ views

    /** The public view of a row; null for rows the public may not see. */
    PublicDecision view(PublicationRow row) {
        if (row == null || !row.isPublic()) {
            return null;
        }
        String departmentName = organization.department(row.departmentId).map(Department::name).orElse(null);
        boolean withdrawn = PublicationRow.WITHDRAWN.equals(row.status);
        // only a corrected publication (revision > 1) has corrections to list; their reasons are masked when stored, and
        // again here for reasons stored before they were (RULES 1.8: nothing reaches the public unmasked)
        List<PublicDecision.Correction> corrections = withdrawn || row.revision < 2 ? List.of() : mapper.events(row.id).stream()
                .filter(e -> PublicationEvent.CORRECTED.equals(e.action()))
                .map(e -> new PublicDecision.Correction(clock.toDate(e.occurredAt()),
                        masking.mask(e.note(), row.party()).text())).toList();
        return new PublicDecision(row.publicId, row.status, Labels.STATUSES.get(row.status), row.category,
                Labels.category(row.category), row.kind, row.kindName, row.documentNo,
                withdrawn ? null : row.partyName, withdrawn ? null : row.partyCode,
                withdrawn ? null : row.matter, withdrawn ? null : row.decisionResult,
                withdrawn ? null : row.legalBasis, row.actingBody, departmentName, clock.toDate(row.decidedAt),
                row.publishedAt == null ? null : clock.toDate(row.publishedAt), row.revision, corrections,
                withdrawn ? new PublicDecision.Withdrawal(clock.toDate(row.withdrawnAt), row.withdrawalReason) : null);
    }

    static String partyDisplay(PublicationRow row) {
        if (row.partyName == null) {
            return "—";
        }
        return row.partyCode == null ? row.partyName : row.partyName + "（统一社会信用代码 " + row.partyCode + "）";
    }

    /** "已隐去：居民身份证号码 1 处、手机号码 2 处" for the reviewer. */
    String describeMasking(String items) {
        if (items == null || items.isBlank()) {
            return "按脱敏规则（" + masking.version() + "版）未发现需隐去的个人信息，请人工核对。";
        }
        Map<String, String> names = masking.ruleNames();
        String list = java.util.Arrays.stream(items.split(",")).map(item -> item.split(":"))
                .map(p -> names.getOrDefault(p[0], p[0]) + " " + p[1] + " 处").collect(Collectors.joining("、"));
        return "按脱敏规则（" + masking.version() + "版）已隐去：" + list + "。请人工核对是否仍有需隐去的内容。";
    }

    // ------------------------------------------------------------------ helpers

    private PublicationRow requireOwnRow(VariableScope scope, boolean review) {
        PublicationRow row = mapper.findByPublicId(Vars.requireText(scope, "publicationId", "公示编号"));
        String instanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
                : ((DelegateExecution) scope).getProcessInstanceId();
        boolean ours = row != null && (review
                ? PublicationRow.PENDING.equals(row.status) && instanceId.equals(row.reviewInstanceId)
                : PublicationRow.PUBLISHED.equals(row.status) && instanceId.equals(row.withdrawalInstanceId));
        if (!ours) {
            throw new RuleViolation("publication-state", "该公示信息的状态已改变，不能再办理此任务",
                    "The publication is no longer in a state this task handles");
        }
        return row;
    }

    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }

    private static void requireOne(int updated) {
        if (updated != 1) {
            throw new RuleViolation("publication-state", "该公示信息的状态已改变，请刷新后重试",
                    "The publication changed meanwhile; reload and try again");
        }
    }

    /** A stored party datum cut to its column (V59): an overlong value from a caller must not fail the decision. */
    private static String atMost(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String requireLength(String text, int max, String label) {
        if (text.length() > max) {
            throw new RuleViolation("too-long", label + "不能超过" + max + "字", label + " is longer than " + max);
        }
        return text;
    }

    private static String merge(Object first, MaskingRules.Masked... more) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        if (first instanceof String previous && !previous.isBlank()) {
            for (String item : previous.split(",")) {
                String[] pair = item.split(":");
                counts.merge(pair[0], Integer.parseInt(pair[1]), Integer::sum);
            }
        } else if (first instanceof MaskingRules.Masked masked) {
            masked.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        for (MaskingRules.Masked masked : more) {
            masked.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        String joined = counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
        return joined.length() > 500 ? joined.substring(0, 500) : joined;
    }

    /** Engine calls made for the system, not for the user in the step (who may lack the permission, e.g. to start). */
    private <T> T privileged(Callable<T> work) {
        return engineConfiguration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(work));
    }
}
