package org.sunlight.licensing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.collection.FeeStatus;
import org.sunlight.collection.InfrastructureFees;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of the licensing procedure (行政许可法, 建筑法) that a form cannot express: each method is a listener named
 * in licensing.bpmn. A refused step changes nothing and says why, citing the article.
 * <p>
 * The decision clock ("decision") starts at acceptance (or at the complete application where the law says so, DMN
 * {@code licensing-time-limit}); hearings, testing, expert review and the like stop it (第四十五条), one approved
 * extension lengthens it (第四十二条). Whenever it changes, {@code decisionDue}, the due dates of open tasks bound to it
 * and the warning timer move with it.
 */
@Component("licensingRules")
@EnableConfigurationProperties(LicensingPolicy.class)
public class LicensingRules {

    static final String CLOCK = "decision";
    static final String CONSTRUCTION_PERMIT = "construction-permit";
    static final String WARNING_TIMER = "StartEvent_DecisionWarning";
    /** The lapse of a construction permit not started in time (建筑法第九条). */
    static final String START_DEADLINE_TIMER = "Event_StartDeadline";
    static final Set<String> MATTERS = Set.of(CONSTRUCTION_PERMIT, "general");
    static final Set<String> MATERIALS = Set.of("applicationForm", "landUse", "planningPermit", "demolition", "contractor",
            "fundsAndDrawings", "qualitySafety", "other");
    /** 第四十五条: time for these does not count (hearings have their own step). */
    static final Set<String> SPECIAL_PROCEDURES = Set.of("tendering", "auction", "inspection", "testing", "quarantine",
            "appraisal", "expertReview");
    static final String NEW_APPLICATION = "new";
    /** 延续 (第五十条). */
    static final String RENEWAL = "renewal";
    static final Set<String> APPLICATION_TYPES = Set.of(NEW_APPLICATION, RENEWAL);
    /** 本机关单独办理: the ordinary periods of 第四十二条第一款. */
    static final String SINGLE_HANDLING = "single";
    /** 统一办理、联合办理、集中办理 (第二十六条第二款): the periods of 第四十二条第二款 (DMN licensing-time-limit). */
    static final Set<String> JOINT_HANDLING = Set.of("unified", "joint", "centralized");
    static final Set<String> HANDLING_MODES = Set.of(SINGLE_HANDLING, "unified", "joint", "centralized");
    /** Who approves an extension (DMN output extensionApprover): 第四十二条第一款 or 第二款. */
    static final String GOVERNMENT_HEAD = "government-head";
    static final Set<String> DELIVERY_METHODS = Set.of("direct", "lien", "mail", "electronic", "publicNotice");

    private final StatutoryClock clock;
    private final CaseClocks clocks;
    private final LicensingPolicy policy;
    private final InfrastructureFees fees;
    private final Organization organization;

    LicensingRules(StatutoryClock clock, CaseClocks clocks, LicensingPolicy policy, InfrastructureFees fees,
                   Organization organization) {
        this.clock = clock;
        this.clocks = clocks;
        this.policy = policy;
        this.fees = fees;
        this.organization = organization;
    }

    // ---------------------------------------------------------------- application and acceptance (第三十二条)

    /** 申请登记: the applicant, the matter and the day the materials were received (the periods run from it). */
    public void checkApplication(DelegateExecution execution) {
        PartyChecks.requireParty(execution, "申请人", true);
        String matter = Vars.requireOneOf(execution, "licenceMatter", "许可事项", MATTERS);
        if (CONSTRUCTION_PERMIT.equals(matter)) {
            execution.setVariable("licenceMatterName", "建筑工程施工许可证核发");
            String code = Vars.requireText(execution, "projectCode", "项目代码");
            if (!code.matches("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}")) {
                throw new RuleViolation("invalid-project-code", "项目代码格式应为“年份-行政区划-行业-类别-流水号”，如 2026-210102-47-01-000123",
                        "projectCode must look like 2026-210102-47-01-000123");
            }
            Vars.requireText(execution, "projectName", "工程名称");
            Vars.setAmount(execution, "investment", Vars.requireAmount(execution, "investment", "工程投资额"));
            Vars.setAmount(execution, "floorArea", Vars.requireAmount(execution, "floorArea", "建筑面积"));
        } else {
            Vars.requireText(execution, "licenceMatterName", "许可事项名称");
        }
        List<String> materials = materials(execution, "submittedMaterials", "已提交的申请材料");
        if (materials.isEmpty()) {
            throw Vars.missing("submittedMaterials", "已提交的申请材料");
        }
        LocalDate received = pastDate(execution, "receivedDate", "收到申请材料日期");
        checkHandlingMode(execution, matter);
        checkRenewal(execution, received);
        // 第三十二条第一款第四项: 5 working days (第八十二条) to accept or to list all missing materials at once
        execution.setVariable("acceptanceDeadline", clock.workingDaysAfter(received, 5));
        execution.setVariable("hearingHeld", false);
        execution.setVariable("extensionGranted", false);
        execution.setVariable("statements", null);
        execution.setVariable("hearingDeadline", null);
    }

    /**
     * 办理方式: optional {@code handlingMode}. Without it (every existing client) the department handles the application
     * alone ("single") under 第四十二条第一款, as before. "unified", "joint" or "centralized" mark an application that
     * the people's government of this level has the departments handle uniformly, jointly or centrally (第二十六条第二款):
     * the DMN licensing-time-limit then gives 45 working days, extendable by 15 with the approval of the head of that
     * government (第四十二条第二款). The designation is the government's, so its document is required
     * ({@code jointHandlingBasis}). A construction permit keeps the seven days of 建筑法第八条第二款, the law that says
     * otherwise (第四十二条第一款但书): joint handling cannot lengthen them, so it is refused here and nothing starts.
     */
    private void checkHandlingMode(DelegateExecution execution, String matter) {
        String given = Vars.text(execution, "handlingMode");
        if (given == null || given.isBlank()) {
            execution.setVariable("handlingMode", SINGLE_HANDLING);
        }
        String mode = Vars.requireOneOf(execution, "handlingMode", "办理方式", HANDLING_MODES);
        if (!JOINT_HANDLING.contains(mode)) {
            return;
        }
        if (CONSTRUCTION_PERMIT.equals(matter)) {
            throw new RuleViolation("joint-handling-not-applicable", "施工许可证应当自收到申请之日起七日内颁发（建筑法第八条第二款），"
                    + "法律另有规定的依照其规定（行政许可法第四十二条第一款），不适用统一办理或者联合办理、集中办理的四十五个工作日期限（第四十二条第二款）",
                    "A construction permit is issued within 7 days (Construction Law Art. 8(2)); the 45 working days of joint "
                            + "handling (Administrative Licensing Law Art. 42(2)) do not apply to it");
        }
        Vars.requireText(execution, "jointHandlingBasis", "本级人民政府确定统一办理或者联合办理、集中办理的文件（行政许可法第二十六条第二款）");
    }

    /**
     * 延续 (第五十条): optional {@code applicationType} "renewal" with the licence's number, first and last valid day.
     * The holder renews a licence it holds: the application is received not before the licence's validity starts
     * ({@code licenceValidFrom}, optional; the grant is not later), not after it expired, and not in the future (the
     * receipt date is a {@code pastDate}). It is made at least {@code renewalLeadDays} (thirty; a property because
     * "法律、法规、规章另有规定的，依照其规定") days before the licence expires (第五十条第一款); a later
     * application is refused here, so nothing starts: the deemed renewal of 第五十条第二款 protects only a timely
     * application, and the holder may still apply afresh for a new licence (第二十九条). A timely renewal must be decided
     * before the end of the last valid day ({@code renewalDeemedAt}); otherwise it is granted by law.
     * Without the field (every existing client) the application is a new one, as before.
     */
    private void checkRenewal(DelegateExecution execution, LocalDate received) {
        String given = Vars.text(execution, "applicationType");
        if (given == null || given.isBlank()) {
            execution.setVariable("applicationType", NEW_APPLICATION);
        }
        String type = Vars.requireOneOf(execution, "applicationType", "申请类型", APPLICATION_TYPES);
        execution.setVariable("renewalDeemed", false);
        if (!RENEWAL.equals(type)) {
            return;
        }
        if (CONSTRUCTION_PERMIT.equals(execution.getVariable("licenceMatter"))) {
            throw new RuleViolation("renewal-not-applicable", "施工许可证不适用延续申请：因故不能按期开工的，依照建筑法第九条申请延期",
                    "A construction permit is not renewed: its start deadline is extended under Construction Law Art. 9");
        }
        Vars.requireText(execution, "renewedLicenceNo", "原许可证件编号");
        // the first valid day is optional (clients written before it was asked for send none): given, it is checked
        LocalDate validFrom = Vars.text(execution, "licenceValidFrom") == null ? null
                : requireDate(execution, "licenceValidFrom", "原许可有效期起始日期");
        LocalDate expiry = requireDate(execution, "licenceExpiryDate", "原许可有效期届满日期");
        if (validFrom != null && expiry.isBefore(validFrom)) {
            throw new RuleViolation("invalid-licence-validity", "原许可有效期届满日期（" + expiry + "）不能早于有效期起始日期（" + validFrom + "）",
                    "The licence cannot expire (" + expiry + ") before it is valid (" + validFrom + ")");
        }
        // 第五十条第一款: the holder renews a licence it holds (依法取得的行政许可) — not one not yet in force, nor one that
        // has expired: after the last valid day there is nothing left to renew, and the holder applies afresh (第二十九条)
        if (validFrom != null && received.isBefore(validFrom)) {
            throw new RuleViolation("renewal-before-validity", "收到延续申请日期（" + received + "）不能早于原许可有效期起始日期（" + validFrom
                    + "）：被许可人申请延续的是依法取得的行政许可的有效期（行政许可法第五十条第一款）",
                    "The renewal (" + received + ") cannot precede the licence's validity from " + validFrom + " (Art. 50(1))");
        }
        if (received.isAfter(expiry)) {
            throw new RuleViolation("renewal-after-expiry", "原许可有效期已于" + expiry + "届满，不能申请延续（行政许可法第五十条第一款：应当在有效期届满"
                    + policy.renewalLeadDays() + "日前提出）；被许可人可以依法重新申请行政许可",
                    "The licence expired on " + expiry + " and can no longer be renewed (Administrative Licensing Law Art. 50(1)); "
                            + "apply for a new licence instead");
        }
        LocalDate latest = expiry.minusDays(policy.renewalLeadDays());
        if (received.isAfter(latest)) {
            throw new RuleViolation("renewal-too-late", "延续申请应当在该行政许可有效期届满" + policy.renewalLeadDays()
                    + "日前提出（行政许可法第五十条第一款）：有效期至" + expiry + "，最迟应于" + latest
                    + "提出。逾期的不予受理延续申请，被许可人可以依法重新申请行政许可",
                    "A renewal must be applied for " + policy.renewalLeadDays() + " days before the licence expires on "
                            + expiry + " (Administrative Licensing Law Art. 50(1)); the last day was " + latest
                            + ". Apply for a new licence instead");
        }
        if (validFrom != null) {
            execution.setVariable("licenceValidFrom", clock.startOfDay(validFrom));
        }
        execution.setVariable("licenceExpiryDate", clock.startOfDay(expiry));
        // 第五十条第二款: no decision before the licence expires means the renewal is granted (视为准予延续)
        execution.setVariable("renewalDeemedAt", clock.endOfDay(expiry));
    }

    /**
     * 视为准予延续 (第五十条第二款): the licence expired before the department decided. The case ends granted by law and
     * is published like a granted licence (第四十条; 国办发〔2018〕118号: within 7 working days).
     */
    public void deemRenewal(DelegateExecution execution) {
        String matter = (String) execution.getVariable("licenceMatterName");
        execution.setVariable("renewalDeemed", true);
        execution.setVariable("decisionDate", clock.now());
        execution.setVariable("decisionResult", "视为准予延续行政许可：" + matter + "（原许可证件" + execution.getVariable("renewedLicenceNo")
                + "，有效期届满前未作出是否准予延续的决定）");
        execution.setVariable("decisionMatter", matter + "延续（原许可证件" + execution.getVariable("renewedLicenceNo") + "）");
        execution.setVariable("legalBasis", "《中华人民共和国行政许可法》第五十条第二款");
        execution.setVariable("containsSecrets", Vars.flag(execution, "containsSecrets"));
    }

    /** 不需要取得许可 (第三十二条第一款第一项): the applicant is told at once, in writing. */
    public void checkNotRequiredNotice(DelegateTask task) {
        Vars.requireText(task, "notRequiredNoticeNo", "不予受理告知书文号");
    }

    /** 受理审查: accept, or list ALL missing materials at once (补正), or refuse to accept with the competent body. */
    public void checkAcceptance(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "acceptanceDecision", "受理审查结论", Set.of("accept", "correction", "reject"));
        switch (decision) {
            case "accept" -> {
                Vars.requireText(task, "acceptanceNoticeNo", "受理通知书文号");
                accepted(task, "accepted", clock.today(), clock.toDate(task.getVariable("receivedDate")));
            }
            case "correction" -> {
                List<String> missing = materials(task, "missingMaterials", "需要补正的材料");
                if (missing.isEmpty()) {
                    throw new RuleViolation("no-missing-materials", "补正通知须一次列明需要补正的全部材料（行政许可法第三十二条第一款第四项）",
                            "A correction notice lists all missing materials at once (Art. 32(1)(4))");
                }
                Vars.requireText(task, "correctionDetails", "需要补正的全部内容");
                Vars.requireText(task, "correctionNoticeNo", "补正通知书文号");
                task.setVariable("correctionNoticeDate", clock.now());
                task.setVariable("materialsStillMissing", SpinValues.jsonValue(json(missing)).create());
                task.setVariable("acceptanceMode", "correction");
            }
            default -> {
                String ground = Vars.requireOneOf(task, "rejectionGround", "不予受理的理由", Set.of("notRequired", "notInJurisdiction"));
                if ("notInJurisdiction".equals(ground)) {
                    Vars.requireText(task, "competentAuthority", "有权受理的行政机关（行政许可法第三十二条第一款第二项）");
                }
                Vars.requireText(task, "rejectionNoticeNo", "不予受理决定书文号");
                task.setVariable("acceptanceMode", "rejected");
            }
        }
    }

    /** No notice within 5 working days: accepted from the day the materials were received (第三十二条第一款第四项). */
    public void deemAccepted(DelegateExecution execution) {
        LocalDate received = clock.toDate(execution.getVariable("receivedDate"));
        accepted(execution, "deemed", received, received);
    }

    /** The written receipt for a deemed acceptance (第三十二条第二款). */
    public void checkDeemedReceipt(DelegateTask task) {
        Vars.requireText(task, "acceptanceNoticeNo", "受理凭证文号");
    }

    /**
     * 补正材料: only what the one-time notice listed can be supplied; when all of it is in, the application must be
     * accepted (第三十二条第一款第五项) and the period runs from then (建筑工程施工许可管理办法第五条: 顺延).
     */
    public void checkSupplement(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "supplementOutcome", "补正情况", Set.of("supplied", "withdrawn"));
        if ("withdrawn".equals(outcome)) {
            Vars.requireText(task, "withdrawalNote", "撤回或终止说明");
            task.setVariable("supplementComplete", false);
            return;
        }
        LocalDate received = pastDate(task, "supplementReceivedDate", "收到补正材料日期");
        if (received.isBefore(clock.toDate(task.getVariable("correctionNoticeDate")))) {
            throw new RuleViolation("supplement-before-notice", "收到补正材料日期不能早于补正通知日期", "The supplement cannot precede the notice");
        }
        Set<String> stillMissing = new LinkedHashSet<>(Vars.list(task, "materialsStillMissing"));
        List<String> supplied = materials(task, "suppliedMaterials", "本次补正的材料");
        if (supplied.isEmpty()) {
            throw Vars.missing("suppliedMaterials", "本次补正的材料");
        }
        for (String item : supplied) {
            if (!stillMissing.contains(item)) {
                throw new RuleViolation("not-in-correction-notice", "只能补正补正通知书列明的材料；补正通知须一次告知全部内容，不得再次要求补正其他材料（行政许可法第三十二条第一款第四项）",
                        "Only materials listed in the one-time correction notice can be supplied (Art. 32(1)(4))");
            }
        }
        stillMissing.removeAll(supplied);
        task.setVariable("materialsStillMissing", SpinValues.jsonValue(json(new ArrayList<>(stillMissing))).create());
        boolean complete = stillMissing.isEmpty();
        task.setVariable("supplementComplete", complete);
        if (complete) {
            Vars.requireText(task, "acceptanceNoticeNo", "受理通知书文号（材料已补正齐全，应当受理：行政许可法第三十二条第一款第五项）");
            accepted(task, "corrected", received, received);
        }
    }

    private void accepted(VariableScope scope, String mode, LocalDate acceptedOn, LocalDate completeOn) {
        scope.setVariable("acceptanceMode", mode);
        scope.setVariable("acceptedDate", clock.startOfDay(acceptedOn));
        scope.setVariable("completeApplicationDate", clock.startOfDay(completeOn));
    }

    // ---------------------------------------------------------------- the decision clock (第四十二条、第四十五条)

    /** Entering review: the period starts at acceptance or at the complete application (DMN licensing-time-limit). */
    public void startDecisionClock(DelegateExecution execution) {
        String from = Vars.requireText(execution, "periodFrom", "期限起算点");
        execution.setVariable("decisionStart", execution.getVariable("complete-application".equals(from)
                ? "completeApplicationDate" : "acceptedDate"));
        Date due = computeDecisionDue(execution);
        execution.setVariable("decisionDue", due);
        execution.setVariable("decisionWarningAt", warningAt(execution, due));
    }

    /** Hearing, testing, expert review (第四十五条): the clock stands still and its warning with it. */
    public void pauseDecisionClock(DelegateExecution execution, String reason) {
        clocks.pause(execution, CLOCK, reason);
        updateWarning(execution, null, true);
    }

    public void resumeDecisionClock(DelegateExecution execution) {
        clocks.resume(execution, CLOCK);
        refreshDecisionDue(execution);
    }

    /**
     * The clock runs on from the day after the hearing, testing or expert review ended (第四十五条: only the time they
     * need is excluded), however late the officer records it.
     */
    void resumeDecisionClock(DelegateExecution execution, LocalDate endedOn) {
        clocks.resume(execution, CLOCK, endedOn);
        refreshDecisionDue(execution);
    }

    /** Moves decisionDue, the due dates of open tasks that ran against it, and the warning timer. */
    void refreshDecisionDue(DelegateExecution execution) {
        Date old = (Date) execution.getVariable("decisionDue");
        Date due = computeDecisionDue(execution);
        Date warningAt = warningAt(execution, due);
        execution.setVariable("decisionDue", due);
        execution.setVariable("decisionWarningAt", warningAt);
        Context.getCommandContext().runWithoutAuthorization(() -> {
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                if (old != null && old.equals(task.getDueDate())) {
                    task.setDueDate(due);
                    tasks.saveTask(task);
                }
            }
            return null;
        });
        updateWarning(execution, warningAt, clocks.isPaused(execution.getProcessBusinessKey(), CLOCK));
    }

    /**
     * The warning timer follows the clock. Changed on the job entity of this transaction, not by bulk commands, so
     * that one UPDATE carries both the due date and the suspension state.
     */
    private static void updateWarning(DelegateExecution execution, Date due, boolean suspended) {
        for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(execution.getProcessInstanceId())) {
            if (WARNING_TIMER.equals(job.getActivityId())) {
                if (due != null) {
                    job.setDuedate(due);
                }
                job.setSuspensionState((suspended ? SuspensionState.SUSPENDED : SuspensionState.ACTIVE).getStateCode());
            }
        }
    }

    Date computeDecisionDue(VariableScope scope) {
        int days = integer(scope, "decisionDays") + (Vars.flag(scope, "extensionGranted") ? integer(scope, "extensionDays") : 0);
        Object start = scope.getVariable("decisionStart");
        Date due = "calendar-days".equals(scope.getVariable("periodUnit"))
                ? clocks.calendarDaysDue(scope, CLOCK, start, days)
                : clocks.workingDaysDue(scope, CLOCK, start, days);
        // 第五十条第二款: a renewal is decided before the licence expires, whatever the ordinary period
        Date expiry = (Date) scope.getVariable("renewalDeemedAt");
        return expiry != null && expiry.before(due) ? expiry : due;
    }

    /**
     * The start of the day that lies the configured number of working days before the due day (local practice): 3 of
     * the ordinary 20, and as many in proportion of the 45 of joint handling (第四十二条第二款; 7 by default).
     */
    Date warningAt(VariableScope scope, Date due) {
        int warningDays = jointlyHandled(scope) ? policy.jointDecisionWarningWorkingDays() : policy.decisionWarningWorkingDays();
        LocalDate day = clock.toDate(due);
        int counted = 0;
        while (counted < warningDays) {
            day = day.minusDays(1);
            if (clock.isWorkingDay(day)) {
                counted++;
            }
        }
        return clock.startOfDay(day);
    }

    // ---------------------------------------------------------------- substantive review (第三十四条、第四十五条)

    /**
     * 审查核查 (two staff, 第三十四条 via EnforcementTeam): either a special procedure whose time does not count
     * (第四十五条, written notice to the applicant), or the review is done and says who must be heard.
     */
    public void checkReview(DelegateTask task) {
        Vars.requireText(task, "verificationNote", "审查核查情况");
        String step = Vars.requireOneOf(task, "reviewStep", "下一步", Set.of("specialProcedure", "proceed"));
        if ("specialProcedure".equals(step)) {
            Vars.requireOneOf(task, "specialProcedureKind", "需要的程序", SPECIAL_PROCEDURES);
            Vars.requireText(task, "specialProcedureTime", "所需时间");
            Vars.requireText(task, "timeExclusionNoticeNo", "书面告知申请人所需时间的告知书文号（行政许可法第四十五条）");
            return;
        }
        // 第三十六条: the interested parties are told of what the review found; their notice cannot precede this day
        task.setVariable("reviewConcludedDate", clock.startOfDay(clock.today()));
        boolean hearingRight = Vars.flag(task, "hearingRight");
        // 第四十七条 concerns the applicant and others: they are interested parties to be told (第三十六条)
        task.setVariable("interestedParties", hearingRight || Vars.flag(task, "interestedParties"));
        task.setVariable("hearingRight", hearingRight);
        boolean byLaw = Vars.flag(task, "hearingByLaw");
        task.setVariable("hearingByLaw", byLaw);
        if (byLaw) {
            Vars.requireText(task, "hearingByLawBasis", "应当听证的依据（法律、法规、规章条款或涉及公共利益的重大许可事项）");
        }
    }

    /** The special procedure ended: the result is recorded and the clock runs on. */
    public void checkSpecialProcedure(DelegateTask task) {
        Vars.requireText(task, "specialProcedureResult", "检验、检测、鉴定或评审结论");
        LocalDate ended = pastDate(task, "specialProcedureEndDate", "完成日期");
        clocks.requireNotBeforePause(task.getExecution(), CLOCK, ended, "检验、检测、鉴定或评审的完成日期");
        resumeDecisionClock(task.getExecution(), ended);
    }

    // ---------------------------------------------------------------- interested parties and hearings (第三十六、四十六至四十八条)

    /**
     * 第四十六条: matters that must be heard by law, or major public-interest licences: public announcement. The
     * announcement is made for this application, so it cannot precede its acceptance (a backdated one would also move
     * forward the earliest hearing day, {@link #checkHearingNotice}).
     */
    public void checkAnnouncement(DelegateTask task) {
        Vars.requireText(task, "announcementNo", "听证公告编号");
        LocalDate announced = pastDate(task, "announcedDate", "公告日期");
        LocalDate accepted = clock.toDate(task.getVariable("acceptedDate"));
        if (announced.isBefore(accepted)) {
            throw new RuleViolation("announcement-before-acceptance", "听证公告日期（" + announced + "）不能早于受理日期（" + accepted
                    + "）：行政机关对受理的行政许可申请依法向社会公告并举行听证（行政许可法第四十六条）",
                    "The hearing announcement (" + announced + ") cannot precede the acceptance on " + accepted + " (Art. 46)");
        }
    }

    /** 告知利害关系人 (第三十六条) and, where 第四十七条 applies, of the right to request a hearing within 5 working days. */
    public void recordPartyNotice(DelegateTask task) {
        Vars.requireText(task, "partyNoticeNo", "告知书文号");
        Vars.requireText(task, "interestedPartyList", "利害关系人");
        LocalDate delivered = pastDate(task, "partyNoticeDeliveredDate", "告知书送达日期");
        LocalDate accepted = clock.toDate(task.getVariable("acceptedDate"));
        if (delivered.isBefore(accepted)) {
            throw new RuleViolation("notice-before-acceptance", "告知书送达日期不能早于受理日期", "The notice cannot precede acceptance");
        }
        // 第三十六条: the department tells the interested parties what its review found (审查时发现……的，应当告知); a notice
        // dated before the review concluded who must be heard cannot be true, and it would start the five working days
        // of 第四十七条 in the past — closing the window, and the hearing right with it, before the parties were told
        Object concluded = task.getVariable("reviewConcludedDate");
        if (concluded != null && delivered.isBefore(clock.toDate(concluded))) {
            LocalDate day = clock.toDate(concluded);
            throw new RuleViolation("notice-before-review", "告知书送达日期（" + delivered + "）不能早于审查核查认定须告知利害关系人之日（" + day
                    + "）；申请人、利害关系人的陈述申辩和听证申请期限自被告知之日起计算（行政许可法第三十六条、第四十七条）",
                    "The notice (" + delivered + ") cannot precede the review that found whom to tell (" + day
                            + "); the parties' periods run from the day they are told (Art. 36, 47)");
        }
        LocalDate end = clock.addWorkingDays(delivered, policy.statementWindowWorkingDays());
        task.setVariable("statementDeadline", clock.endOfDay(end));
        if (Vars.flag(task, "hearingRight")) {
            LocalDate hearingEnd = clock.addWorkingDays(delivered, policy.hearingRequestWorkingDays());
            task.setVariable("hearingRequestDeadline", clock.endOfDay(hearingEnd));
            end = hearingEnd.isAfter(end) ? hearingEnd : end;
        }
        task.setVariable("responseWindowEnd", clock.endOfDay(end));
    }

    /** What the applicant or an interested party did within the window: a statement, a hearing request, a waiver. */
    public void checkPartyResponse(DelegateTask task) {
        String type = Vars.requireOneOf(task, "responseType", "回应方式", Set.of("statement", "hearingRequest", "waiver"));
        LocalDate received = pastDate(task, "responseReceivedDate", "收到日期");
        if (received.isBefore(clock.toDate(task.getVariable("partyNoticeDeliveredDate")))) {
            throw new RuleViolation("response-before-notice", "收到日期不能早于告知书送达日期", "The response cannot precede the notice");
        }
        String from = Vars.requireText(task, "respondent", "提出人");
        switch (type) {
            case "statement" -> {
                String content = Vars.requireText(task, "statementContent", "陈述、申辩内容");
                String previous = Vars.text(task, "statements");
                task.setVariable("statements", (previous == null ? "" : previous + "\n") + received + " " + from + "：" + content);
            }
            case "hearingRequest" -> {
                if (!Vars.flag(task, "hearingRight")) {
                    throw new RuleViolation("no-hearing-right", "本许可事项未告知听证权利（不属于行政许可法第四十七条的情形），可登记为陈述、申辩",
                            "No hearing right was notified for this matter (Art. 47)");
                }
                if (received.isAfter(clock.toDate(task.getVariable("hearingRequestDeadline")))) {
                    throw new RuleViolation("hearing-request-late", "听证申请应当在被告知听证权利之日起五个工作日内提出，本申请已逾期（行政许可法第四十七条）",
                            "A hearing must be requested within 5 working days of the notice (Art. 47)");
                }
                task.setVariable("hearingRequestDate", clock.startOfDay(received));
                task.setVariable("hearingDeadline", clock.workingDaysAfter(received, policy.hearingHeldWithinWorkingDays()));
            }
            default -> Vars.requireText(task, "waiverDocumentNo", "书面放弃声明编号");
        }
        // 第三十六条、第四十七条 give each of the applicant and the interested parties the right: one's waiver ends the
        // window only when every one told has waived; otherwise the others' five days run on (Flow_PartlyWaived)
        task.setVariable("allPartiesWaived", "waiver".equals(type) && Vars.flag(task, "allPartiesWaived"));
    }

    /**
     * 听证通知 (第四十八条): 7 working days ahead, within 20 working days of a request (第四十七条), hosted by someone
     * who did not review the application; the applicant is told in writing that the hearing time does not count
     * (第四十五条).
     */
    public void checkHearingNotice(DelegateTask task) {
        LocalDate notified = pastDate(task, "hearingNoticeDate", "听证通知送达日期");
        // the notice of a requested hearing answers the request (第四十七条): one dated before it cannot have been served,
        // and backdating it would shorten the seven working days the parties have to prepare (第四十八条第一款第一项);
        // no notice of this case's hearing can precede the acceptance of the application
        Object requestedOn = task.getVariable("hearingRequestDate");
        LocalDate notBefore = requestedOn != null ? clock.toDate(requestedOn) : clock.toDate(task.getVariable("acceptedDate"));
        if (notified.isBefore(notBefore)) {
            throw new RuleViolation("hearing-notice-before-request", requestedOn != null
                    ? "听证通知送达日期（" + notified + "）不能早于收到听证申请的日期（" + notBefore + "）；应当于举行听证的七个工作日前通知申请人、利害关系人（行政许可法第四十七条、第四十八条第一款第一项）"
                    : "听证通知送达日期（" + notified + "）不能早于受理日期（" + notBefore + "）；应当于举行听证的七个工作日前通知申请人、利害关系人（行政许可法第四十八条第一款第一项）",
                    requestedOn != null
                            ? "The hearing notice (" + notified + ") cannot precede the hearing request received on " + notBefore
                                    + "; the parties are notified 7 working days before the hearing (Art. 47, 48(1)(1))"
                            : "The hearing notice (" + notified + ") cannot precede the acceptance on " + notBefore
                                    + "; the parties are notified 7 working days before the hearing (Art. 48(1)(1))");
        }
        LocalDate hearing = clock.toDate(Vars.requireText(task, "hearingDate", "听证时间"));
        LocalDate earliest = clock.addWorkingDays(notified, policy.hearingNoticeWorkingDays());
        if (hearing.isBefore(earliest)) {
            throw new RuleViolation("hearing-notice-too-late", "应当于举行听证的七个工作日前通知申请人、利害关系人，听证最早可安排在 " + earliest
                    + "（行政许可法第四十八条第一款第一项）", "The hearing must be notified 7 working days ahead; earliest " + earliest + " (Art. 48(1)(1))");
        }
        // 第四十六条: a hearing by law is announced to the public, and the public — not only the applicant and the
        // interested parties notified above — has the seven working days of 第四十八条第一款第一项 (working days, 第八十二条)
        // between the announcement and the hearing: the same count as the notice, from the announcement
        Object announcedOn = task.getVariable("announcedDate");
        if (Vars.flag(task, "hearingByLaw") && announcedOn != null && !announcedOn.toString().isBlank()) {
            LocalDate announced = clock.toDate(announcedOn);
            LocalDate afterAnnouncement = clock.addWorkingDays(announced, policy.hearingNoticeWorkingDays());
            if (hearing.isBefore(afterAnnouncement)) {
                throw new RuleViolation("hearing-too-soon-after-announcement", "依法应当听证的事项应当向社会公告并举行听证（行政许可法第四十六条），"
                        + "于举行听证的七个工作日前公告（第四十八条第一款第一项）：公告日期 " + announced + "，听证最早可安排在 " + afterAnnouncement,
                        "A hearing required by law is held at least 7 working days after its public announcement on " + announced
                                + "; earliest " + afterAnnouncement + " (Art. 46, 48(1)(1))");
            }
        }
        Object deadline = task.getVariable("hearingDeadline");
        if (deadline != null && hearing.isAfter(clock.toDate(deadline))) {
            throw new RuleViolation("hearing-too-late", "应当自收到听证申请之日起二十个工作日内组织听证，听证最迟应在 " + clock.toDate(deadline)
                    + " 举行（行政许可法第四十七条）", "A requested hearing is held within 20 working days (Art. 47)");
        }
        Vars.requireText(task, "hearingPlace", "听证地点");
        String host = Vars.requireText(task, "hearingHost", "听证主持人");
        if (organization.officer(host).isEmpty()) {
            throw new RuleViolation("unknown-host", "听证主持人须为本机关在册人员（填写用户名）", "The hearing host must be a registered officer");
        }
        if (host.equals(task.getVariable("handler")) || EnforcementTeam.actingOfficers(task).contains(host)) {
            throw new RuleViolation("host-is-reviewer", "听证主持人应当是审查该行政许可申请的工作人员以外的人员（行政许可法第四十八条第一款第三项）",
                    "The host must not be one who reviewed the application (Art. 48(1)(3))");
        }
        Vars.requireText(task, "timeExclusionNoticeNo", "听证所需时间书面告知书文号（行政许可法第四十五条）");
        // the request registered with the opinion has led here: the opinion given after the hearing starts unticked
        task.setVariable("timelyHearingRequest", false);
    }

    /** 举行听证: public, with a transcript the participants confirm and sign (第四十八条第一款第二、五项). */
    public void checkHearing(DelegateTask task) {
        LocalDate hearing = clock.toDate(task.getVariable("hearingDate"));
        String outcome = Vars.requireOneOf(task, "hearingOutcome", "听证情况", Set.of("held", "withdrawn"));
        if ("held".equals(outcome)) {
            if (clock.today().isBefore(hearing)) {
                throw new RuleViolation("hearing-not-yet-held", "听证尚未到举行时间（" + hearing + "）", "The hearing date " + hearing + " has not come yet");
            }
            Vars.requireText(task, "hearingTranscriptNo", "听证笔录编号");
            if (!Vars.flag(task, "transcriptConfirmed")) {
                throw new RuleViolation("transcript-not-confirmed", "听证笔录应当交听证参加人确认无误后签字或者盖章（行政许可法第四十八条第一款第五项）",
                        "The transcript must be confirmed and signed by the participants (Art. 48(1)(5))");
            }
            task.setVariable("hearingHeld", true);
            // the hearing's time ends on the day it was held (第四十五条), not on the day its transcript is registered
            resumeDecisionClock(task.getExecution(), hearing);
        } else {
            // 第四十六条: a hearing the law (or a major public-interest licence) requires is held by the department on
            // its own motion; nobody requested it, so nobody can withdraw it
            if (Vars.flag(task, "hearingByLaw")) {
                throw new RuleViolation("hearing-by-law-not-held", "本许可事项依法应当听证，行政机关应当向社会公告并举行听证，不能按撤回听证申请处理（行政许可法第四十六条）",
                        "A hearing required by law must be held; it cannot be recorded as withdrawn (Art. 46)");
            }
            Vars.requireText(task, "hearingWithdrawalNote", "撤回听证申请的情况");
            // only the time the hearing needed is excluded (第四十五条): the clock runs on from the day the request was
            // withdrawn, not from the day the withdrawal is registered — a late registration would lengthen the
            // applicant's wait for the decision beyond the period of 第四十二条
            LocalDate withdrawn = pastDate(task, "hearingWithdrawnDate", "撤回听证申请日期");
            Object requestedOn = task.getVariable("hearingRequestDate");
            if (requestedOn != null && withdrawn.isBefore(clock.toDate(requestedOn))) {
                throw new RuleViolation("withdrawn-before-request", "撤回听证申请日期（" + withdrawn + "）不能早于收到听证申请的日期（"
                        + clock.toDate(requestedOn) + "）", "The withdrawal (" + withdrawn + ") cannot precede the hearing request received on "
                        + clock.toDate(requestedOn));
            }
            task.setVariable("hearingHeld", false);
            resumeDecisionClock(task.getExecution(), withdrawn);
        }
    }

    // ---------------------------------------------------------------- opinion, fee, decision

    /** 审查意见: what the review proposes, with the facts legal review needs (国办发〔2018〕118号四(十二)). */
    public void checkOpinion(DelegateTask task) {
        String outcome = Vars.requireOneOf(task, "proposedOutcome", "审查意见", Set.of("grant", "refuse"));
        Vars.requireText(task, "reviewFindings", "审查意见及理由");
        if ("refuse".equals(outcome)) {
            Vars.requireText(task, "refusalReasons", "不予许可的理由");
        }
        if (Boolean.FALSE.equals(task.getVariable("reviewApproved"))) {
            Vars.requireText(task, "revisionNote", "按法制审核意见补正的说明");
        }
        task.setVariable("reviewApproved", null);
        for (String flag : List.of("majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase")) {
            task.setVariable(flag, Vars.flag(task, flag));
        }
        describeProposal(task);
        registerTimelyHearingRequest(task);
    }

    /**
     * A hearing request received within the five working days (第四十七条) but registered only after the window's timer
     * had moved the case on to the opinion: the right is not lost to the office's delay. It is registered here and the
     * case goes to the hearing (Gateway_TimelyHearingRequest), held within 20 working days of its receipt. A request
     * received after the five days stays refused.
     */
    private void registerTimelyHearingRequest(DelegateTask task) {
        boolean timely = Vars.flag(task, "timelyHearingRequest");
        task.setVariable("timelyHearingRequest", timely);
        if (!timely) {
            return;
        }
        Object deadline = task.getVariable("hearingRequestDeadline");
        if (!Vars.flag(task, "hearingRight") || deadline == null) {
            throw new RuleViolation("no-hearing-right", "本许可事项未告知听证权利（不属于行政许可法第四十七条的情形）",
                    "No hearing right was notified for this matter (Art. 47)");
        }
        if (Vars.flag(task, "hearingHeld") || task.getVariable("hearingRequestDate") != null) {
            throw new RuleViolation("hearing-already-requested", "本案已登记听证申请或已举行听证，无需再登记",
                    "A hearing request was already registered or a hearing held");
        }
        String from = Vars.requireText(task, "lateRegisteredRespondent", "听证申请人");
        LocalDate received = pastDate(task, "lateRegisteredRequestDate", "收到听证申请日期");
        if (received.isBefore(clock.toDate(task.getVariable("partyNoticeDeliveredDate")))) {
            throw new RuleViolation("response-before-notice", "收到日期不能早于告知书送达日期", "The request cannot precede the notice");
        }
        if (received.isAfter(clock.toDate(deadline))) {
            throw new RuleViolation("hearing-request-late", "听证申请应当在被告知听证权利之日起五个工作日内提出，本申请已逾期（行政许可法第四十七条）",
                    "A hearing must be requested within 5 working days of the notice (Art. 47)");
        }
        task.setVariable("respondent", from);
        task.setVariable("responseType", "hearingRequest");
        task.setVariable("hearingRequestDate", clock.startOfDay(received));
        task.setVariable("hearingDeadline", clock.workingDaysAfter(received, policy.hearingHeldWithinWorkingDays()));
    }

    private void describeProposal(VariableScope scope) {
        String matter = (String) scope.getVariable("licenceMatterName");
        scope.setVariable("reviewMatter", matter + (scope.getVariable("projectName") == null ? ""
                : "（" + scope.getVariable("projectName") + "）"));
        scope.setVariable("proposedDecision", ("grant".equals(scope.getVariable("proposedOutcome"))
                ? "准予行政许可：" + matter : "不予行政许可。理由：" + scope.getVariable("refusalReasons"))
                + "\n审查意见：" + scope.getVariable("reviewFindings"));
    }

    /**
     * The local fee rule (RULES 6.2): a construction permit is granted only when the project's urban infrastructure
     * fee is paid, as the collection register says. Read by gateways; true when the rule does not apply.
     */
    public boolean feeCleared(DelegateExecution execution) {
        if (!feeRuleApplies(execution) || !"grant".equals(execution.getVariable("proposedOutcome"))) {
            return true;
        }
        return fees.status((String) execution.getVariable("projectCode")).cleared();
    }

    private boolean feeRuleApplies(VariableScope scope) {
        return policy.feeBeforePermit() && CONSTRUCTION_PERMIT.equals(scope.getVariable("licenceMatter"));
    }

    /** 配套费未缴清: check again once paid, or propose refusal. */
    public void checkFee(DelegateTask task) {
        String action = Vars.requireOneOf(task, "feeAction", "处理", Set.of("recheck", "refuse"));
        if ("recheck".equals(action)) {
            requireFeePaid(task);
            return;
        }
        task.setVariable("proposedOutcome", "refuse");
        task.setVariable("refusalReasons", "建设项目未缴清城市基础设施配套费，按本地规定不予核发施工许可证。" + nullToEmpty(Vars.text(task, "feeNote")));
        describeProposal(task);
    }

    private void requireFeePaid(VariableScope scope) {
        FeeStatus status = fees.status((String) scope.getVariable("projectCode"));
        if (!status.cleared()) {
            String owed = status.assessments().isEmpty() ? "尚未核定征收" : "尚欠人民币" + yuan(status.outstanding()) + "元";
            throw new RuleViolation("fee-not-paid", "该项目城市基础设施配套费未缴清（" + owed + "），按本地规定不予核发施工许可证",
                    "The project's urban infrastructure fee is not paid; the local rule forbids the permit");
        }
    }

    /**
     * 许可决定: not before a required legal review is approved (国办发〔2018〕118号四), on the hearing transcript when
     * one was held (第四十八条第二款); a refusal states its reasons and the rights to reconsideration and litigation
     * (第三十八条第二款).
     */
    public void checkDecision(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "licensingDecision", "决定", Set.of("grant", "refuse"));
        Vars.requireText(task, "decisionOpinion", "负责人意见");
        String documentNo = Vars.requireText(task, "decisionDocumentNo", "决定书文号");
        String basis = Vars.requireText(task, "legalBasis", "法律依据");
        if (Vars.flag(task, "reviewRequired") && !Vars.flag(task, "reviewApproved")) {
            throw new RuleViolation("review-missing", "本案须经法制审核，未经审核或者审核未通过的，不得作出决定（国办发〔2018〕118号四；《优化营商环境条例》第五十八条）",
                    "Legal review is required and has not been passed");
        }
        if (Vars.flag(task, "hearingHeld") && !Vars.flag(task, "basedOnTranscript")) {
            throw new RuleViolation("not-based-on-transcript", "举行听证的，应当根据听证笔录作出行政许可决定（行政许可法第四十八条第二款）",
                    "After a hearing the decision is made on the transcript (Art. 48(2))");
        }
        String matter = (String) task.getVariable("licenceMatterName");
        Date now = clock.now();
        if ("grant".equals(decision)) {
            if (feeRuleApplies(task)) {
                requireFeePaid(task);
            }
            task.setVariable("decisionResult", (RENEWAL.equals(task.getVariable("applicationType")) ? "准予延续行政许可：" : "准予行政许可：") + matter);
        } else {
            String reasons = Vars.requireText(task, "refusalReasons", "不予许可的理由");
            String remedies = Vars.requireText(task, "remedies", "救济途径");
            if (!remedies.contains("复议") || !remedies.contains("诉讼")) {
                throw new RuleViolation("remedies-missing", "不予许可决定应当告知申请人享有依法申请行政复议或者提起行政诉讼的权利（行政许可法第三十八条第二款）",
                        "A refusal tells the rights to reconsideration and litigation (Art. 38(2))");
            }
            task.setVariable("decisionResult", (RENEWAL.equals(task.getVariable("applicationType")) ? "不予延续行政许可。理由：" : "不予行政许可。理由：") + reasons);
        }
        task.setVariable("decisionDate", now);
        task.setVariable("decisionDocumentNo", documentNo);
        task.setVariable("decisionMatter", matter + (task.getVariable("projectName") == null ? ""
                : "（" + task.getVariable("projectName") + "）"));
        task.setVariable("legalBasis", basis);
        task.setVariable("containsSecrets", Vars.flag(task, "containsSecrets"));
        int certificateDays = integer(task, "certificateDays");
        if ("grant".equals(decision)) {
            // 第四十四条: 10 working days from the decision; 0 = within the decision period (建筑法第八条)
            task.setVariable("deliveryDue", certificateDays > 0 ? clock.workingDaysAfter(now, certificateDays)
                    : later((Date) task.getVariable("decisionDue"), clock.endOfDay(clock.today())));
        } else {
            task.setVariable("deliveryDue", CONSTRUCTION_PERMIT.equals(task.getVariable("licenceMatter"))
                    ? later((Date) task.getVariable("decisionDue"), clock.endOfDay(clock.today())) : null);
        }
    }

    // ---------------------------------------------------------------- warning and extension (第四十二条)

    /** 期限预警: acknowledge, or ask the leader for the one extension the matter allows. */
    public void checkWarning(DelegateTask task) {
        String action = Vars.requireOneOf(task, "warningAction", "处理", Set.of("acknowledge", "requestExtension"));
        if ("requestExtension".equals(action)) {
            requireExtensionPossible(task);
            Vars.requireText(task, "extensionReason", "延长期限的理由");
        }
    }

    /**
     * 延长审批: approved within the period; the due dates move by the extension. Ordinarily the head of this department
     * approves (第四十二条第一款), and the leader who completes the task is recorded. Under joint handling the head of the
     * people's government of this level approves (第四十二条第二款): Sunlight has no account for the government, so the
     * department's leader submits the request and records the government head's written approval — who approved, the
     * document and its date (within the period: not in the future, and the period has not expired) — and
     * {@code extensionApprovedBy} stays the leader who recorded it.
     */
    public void checkExtensionApproval(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "extensionDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "extensionOpinion", "负责人意见");
        boolean byGovernment = GOVERNMENT_HEAD.equals(task.getVariable("extensionApprover"));
        if ("approve".equals(decision)) {
            requireExtensionPossible(task);
            if (byGovernment) {
                Vars.requireText(task, "governmentApprover", "批准延长的本级人民政府负责人（姓名、职务）");
                Vars.requireText(task, "governmentApprovalNo", "本级人民政府负责人批准文件文号");
                // not in the future (pastDate) and, as the period has not expired (above), within it
                LocalDate approved = pastDate(task, "governmentApprovalDate", "本级人民政府负责人批准日期");
                if (approved.isBefore(clock.toDate(task.getVariable("acceptedDate")))) {
                    throw new RuleViolation("approval-before-acceptance", "批准日期不能早于受理日期", "The approval cannot precede acceptance");
                }
                task.setVariable("extensionApprovedDate", clock.startOfDay(approved));
            } else {
                task.setVariable("extensionApprovedDate", clock.startOfDay(clock.today()));
            }
            task.setVariable("extensionGranted", true);
            task.setVariable("extensionApprovedBy", approver(task));
            task.setVariable("extensionApprovalAuthority", byGovernment ? "本级人民政府负责人" : "本行政机关负责人");
            refreshDecisionDue(task.getExecution());
        }
    }

    private void requireExtensionPossible(VariableScope scope) {
        if (integer(scope, "extensionDays") <= 0) {
            throw new RuleViolation("no-extension", "本许可事项的法定期限不得延长（" + scope.getVariable("periodBasis") + "）",
                    "The period of this matter cannot be extended");
        }
        if (Vars.flag(scope, "extensionGranted")) {
            throw new RuleViolation("extension-once", "期限只能延长一次（行政许可法第四十二条）", "The period can be extended once only (Art. 42)");
        }
        if (clock.now().after((Date) scope.getVariable("decisionDue"))) {
            throw new RuleViolation("period-expired", GOVERNMENT_HEAD.equals(scope.getVariable("extensionApprover"))
                    ? "法定期限已届满，不能再批准延长（行政许可法第四十二条第二款：四十五日内不能办结的，方可延长）"
                    : "法定期限已届满，不能再批准延长（行政许可法第四十二条第一款：二十日内不能作出决定的，方可延长）",
                    "The period has expired; it can no longer be extended (Art. 42)");
        }
    }

    /** The applicant is told the extension and its reason in writing (第四十二条第一款). */
    public void checkExtensionNotice(DelegateTask task) {
        Vars.requireText(task, "extensionNoticeNo", "延长期限告知书文号");
        LocalDate notified = pastDate(task, "extensionNoticeDate", "告知书送达日期");
        // the applicant is told of an extension that has been approved: a notice dated before the approval cannot be
        // true, and would make a notice sent after the original period look as if it came within it
        Object approvedOn = task.getVariable("extensionApprovedDate");
        if (approvedOn != null && notified.isBefore(clock.toDate(approvedOn))) {
            LocalDate approved = clock.toDate(approvedOn);
            throw new RuleViolation("extension-notice-before-approval", "延长期限告知书送达日期（" + notified + "）不能早于批准延长之日（" + approved
                    + "）（行政许可法第四十二条）", "The extension notice (" + notified + ") cannot precede the approval of the extension on "
                    + approved + " (Art. 42)");
        }
    }

    // ---------------------------------------------------------------- certificate, refusal, permit life (第四十四条; 建筑法第九条)

    /** 颁发、送达许可证件 (第四十四条); a construction permit's start period begins (建筑法第九条). */
    public void recordCertificate(DelegateTask task) {
        Vars.requireText(task, "certificateNo", "许可证编号");
        LocalDate issued = delivery(task, "certificateIssuedDate", "颁发日期");
        if (CONSTRUCTION_PERMIT.equals(task.getVariable("licenceMatter"))) {
            task.setVariable("permitExtensions", 0);
            task.setVariable("permitExtendedMonths", 0);
            task.setVariable("permitStage", "issued");
            task.setVariable("permitIssuedDate", clock.startOfDay(issued));
            permitDeadlines(task, issued, policy.permitStartMonths());
        }
    }

    /** 送达不予许可决定书. */
    public void checkRefusalDelivery(DelegateTask task) {
        delivery(task, "refusalDeliveredDate", "送达日期");
    }

    private LocalDate delivery(DelegateTask task, String dateField, String label) {
        String method = Vars.requireOneOf(task, "deliveryMethod", "送达方式", DELIVERY_METHODS);
        LocalDate day = pastDate(task, dateField, label);
        if (day.isBefore(clock.toDate(task.getVariable("decisionDate")))) {
            throw new RuleViolation("delivered-before-decision", label + "不能早于决定日期", "Delivery cannot precede the decision");
        }
        if ("electronic".equals(method) && !Vars.flag(task, "electronicConsent")) {
            throw new RuleViolation("no-electronic-consent", "采用电子方式送达的，须经受送达人同意（《民事诉讼法》第九十条）",
                    "Electronic delivery requires the recipient's consent");
        }
        Vars.requireText(task, "deliveryReceiptNo", "送达回证编号");
        return day;
    }

    /**
     * The start deadline {@code months} after {@code from}: the permit's issue (three months, 建筑法第九条) or, for an
     * extension, the end of the period it extends. An extension continues the running period from its last day, which
     * is the day the period actually ends — moved past a holiday (民法典第二百零三条) — and counts its months from there
     * (民法典第二百零二条), rather than adding all months to the issue date: 2026-01-05 + 3 months ends on Tuesday
     * 2026-04-07 (04-05 is 清明), extended by 3 months to 2026-07-07, not to 2026-07-06 (issue + 6 months, moved).
     */
    private void permitDeadlines(VariableScope scope, LocalDate from, int months) {
        Date deadline = clock.monthsAfter(from, months);
        scope.setVariable("startDeadline", deadline);
        scope.setVariable("startReminderAt", clock.startOfDay(clock.toDate(deadline).minusDays(policy.permitStartReminderDays())));
    }

    /** 开工或申请延期 (建筑法第九条): work started in time, or the developer asks for an extension before the deadline. */
    public void checkPermitTracking(DelegateTask task) {
        String event = Vars.requireOneOf(task, "permitEvent", "登记事项", Set.of("started", "extensionRequest"));
        LocalDate deadline = clock.toDate(task.getVariable("startDeadline"));
        if ("started".equals(event)) {
            LocalDate started = pastDate(task, "constructionStartDate", "开工日期");
            if (started.isBefore(clock.toDate(task.getVariable("permitIssuedDate")))) {
                throw new RuleViolation("started-before-permit", "开工日期不能早于施工许可证颁发日期", "Work cannot start before the permit");
            }
            if (started.isAfter(deadline)) {
                throw new RuleViolation("started-too-late", "开工日期已超过开工期限，施工许可证已自行废止（建筑法第九条）",
                        "Started after the deadline: the permit has lapsed (Construction Law Art. 9)");
            }
            task.setVariable("permitStage", "started");
            return;
        }
        LocalDate requested = pastDate(task, "extensionRequestDate", "延期申请日期");
        // 建筑法第九条: the developer asks to extend the start period of the permit it has received; a request dated before
        // the issue cannot be of this permit
        LocalDate issued = clock.toDate(task.getVariable("permitIssuedDate"));
        if (requested.isBefore(issued)) {
            throw new RuleViolation("extension-request-before-permit", "延期申请日期（" + requested + "）不能早于施工许可证颁发日期（" + issued
                    + "）：建设单位应当自领取施工许可证之日起三个月内开工，因故不能按期开工的，应当向发证机关申请延期（建筑法第九条）",
                    "The extension request (" + requested + ") cannot precede the permit issued on " + issued + " (Construction Law Art. 9)");
        }
        if (requested.isAfter(deadline)) {
            throw new RuleViolation("extension-request-late", "延期申请应当在开工期限届满前提出（建筑法第九条）", "An extension is requested before the deadline");
        }
        if (integer(task, "permitExtensions") >= policy.permitMaxExtensions()) {
            throw new RuleViolation("too-many-extensions", "施工许可证延期以两次为限（建筑法第九条）", "At most two extensions (Construction Law Art. 9)");
        }
        Vars.requireText(task, "permitExtensionReason", "不能按期开工的原因");
        task.setVariable("permitStage", "extension-requested");
        // 建筑法第九条: the permit lapses when the developer neither starts nor applies for an extension, or overruns the
        // extension — not because the issuing authority has not yet decided a timely application. While it decides, the
        // lapse timer stands still; the decision re-enters the start period, whose timer then runs from the deadline as
        // it stands (a refusal after the deadline lets the permit lapse at once; an approval extends from the deadline).
        for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(task.getProcessInstanceId())) {
            if (START_DEADLINE_TIMER.equals(job.getActivityId())) {
                job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
            }
        }
    }

    /** 延期审批 by the issuing authority: each extension at most three months (建筑法第九条). */
    public void checkPermitExtension(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "permitExtensionDecision", "审批意见", Set.of("approve", "refuse"));
        Vars.requireText(task, "permitExtensionOpinion", "审批意见说明");
        if ("refuse".equals(decision)) {
            task.setVariable("permitStage", "extension-refused");
            return;
        }
        BigDecimal months = Vars.requireAmount(task, "permitExtensionMonths", "延期月数");
        if (months.stripTrailingZeros().scale() > 0 || months.intValue() < 1 || months.intValue() > policy.permitExtensionMonths()) {
            throw new RuleViolation("extension-too-long", "每次延期不超过三个月（建筑法第九条），请填写1至" + policy.permitExtensionMonths() + "的整数",
                    "Each extension is at most three months (Construction Law Art. 9)");
        }
        if (integer(task, "permitExtensions") >= policy.permitMaxExtensions()) {
            throw new RuleViolation("too-many-extensions", "施工许可证延期以两次为限（建筑法第九条）", "At most two extensions (Construction Law Art. 9)");
        }
        task.setVariable("permitExtensions", integer(task, "permitExtensions") + 1);
        task.setVariable("permitExtendedMonths", integer(task, "permitExtendedMonths") + months.intValue());
        task.setVariable("permitStage", "extended");
        permitDeadlines(task, clock.toDate(task.getVariable("startDeadline")), months.intValue());
    }

    /** 开工期限提醒 sent to the developer (local practice). */
    public void checkStartReminder(DelegateTask task) {
        pastDate(task, "reminderSentDate", "提醒日期");
        Vars.requireText(task, "reminderMethod", "提醒方式");
    }

    /** Neither started nor extended in time: the permit lapses by law (建筑法第九条); recorded and announced. */
    public void checkLapse(DelegateTask task) {
        Vars.requireText(task, "lapseNoticeNo", "施工许可证废止告知书文号");
        task.setVariable("permitStage", "lapsed");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> materials(VariableScope scope, String name, String label) {
        List<String> items = Vars.list(scope, name);
        for (String item : items) {
            if (!MATERIALS.contains(item)) {
                throw new RuleViolation("invalid-option", label + "包含无效选项：" + item, name + " has an invalid item: " + item);
            }
        }
        return items;
    }

    private LocalDate requireDate(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw Vars.missing(name, label);
        }
        return clock.toDate(value);
    }

    private LocalDate pastDate(VariableScope scope, String name, String label) {
        LocalDate day = requireDate(scope, name, label);
        if (day.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", label + "不能晚于今天", name + " cannot be in the future");
        }
        if (day.getYear() < 1990) {
            throw new RuleViolation("date-out-of-range", label + "超出合理范围", name + " is out of range");
        }
        return day;
    }

    /** Handled uniformly, jointly or centrally (第二十六条第二款); false for cases started before the field existed. */
    static boolean jointlyHandled(VariableScope scope) {
        return scope.getVariable("handlingMode") instanceof String mode && JOINT_HANDLING.contains(mode);
    }

    private static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("Variable " + name + " is not a number: " + value);
        }
        return n.intValue();
    }

    private static Date later(Date a, Date b) {
        return a == null || b.after(a) ? b : a;
    }

    private static String approver(DelegateTask task) {
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }

    private static String json(List<String> items) {
        StringBuilder json = new StringBuilder("[");
        for (String item : items) {
            json.append(json.length() > 1 ? "," : "").append('"').append(item).append('"');
        }
        return json.append(']').toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
