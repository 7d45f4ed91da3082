package org.sunlight.inspection.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The rules of the inspection procedure (行政检查, 双随机、一公开) that a form cannot express, as listeners named in
 * processes/inspection.bpmn. Each drawn target is one instance of a parallel multi-instance sub-process; what its forms
 * and steps write is kept in that instance ({@link #TARGET_VARIABLES}), so targets never see each other's records.
 */
@Component("inspectionRules")
public class InspectionRules {

    /** Variables of one target's inspection, created in its own scope when the target's sub-process starts. */
    static final List<String> TARGET_VARIABLES = List.of("partyType", "partyName", "partyIdNumber", "partyAddress",
            "riskClass", "inspector1", "inspector2", "inspectorCandidates", "inspectorNames",
            "officer1Credential", "officer2Credential", "credentialsShown", "actingOfficers", "inspectionStartedAt",
            "inspectionEndedAt", "recordNo", "partyRepresentative", "findings", "result", "rectificationRequirements",
            "violationCode", "violationDate", "inspectionEnd", "publicationDue", "publicationHandOverDue", "publicResult",
            "containsSecrets",
            "decisionDocumentNo", "decisionMatter", "decisionResult", "decisionDate",
            "majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase", "hearingHeld",
            "penaltyKind", "fineAmount", "reviewRequired", "reviewReason", "reviewApproved", "reviewOpinion",
            "reviewerId", "reviewMatter", "proposedDecision", "revisionNote", "violationName", "factsFound", "handlingDecision", "handlingOpinion",
            "rectificationOrderNo", "rectificationServedDate", "rectificationDeadline", "rectificationDeadlineEnd",
            "reinspector1Credential", "reinspector2Credential", "reinspectionCredentialsShown", "reinspectedAt",
            "reinspectionRecordNo", "reinspectionResult", "reinspectionFindings", "penaltyCaseKey", "penaltyCaseNumber");

    static final Set<String> RESULTS = Set.of("compliant", "rectify", "penalty");

    private final InspectionDraws draws;
    private final InspectionMapper mapper;
    private final Organization organization;
    private final EnforcementTeam team;
    private final StatutoryClock clock;
    private final InspectionPolicy policy;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    InspectionRules(InspectionDraws draws, InspectionMapper mapper, Organization organization, EnforcementTeam team,
                    StatutoryClock clock, InspectionPolicy policy, @Lazy RuntimeService runtimeService,
                    @Lazy TaskService taskService) {
        this.taskService = taskService;
        this.draws = draws;
        this.mapper = mapper;
        this.organization = organization;
        this.team = team;
        this.clock = clock;
        this.policy = policy;
        this.runtimeService = runtimeService;
    }

    // ---------------------------------------------------------------- plan

    /** 抽查计划: a name and an inspection period that has not ended. */
    public void checkPlan(DelegateExecution execution) {
        Vars.requireText(execution, "planName", "抽查计划名称");
        LocalDate from = clock.toDate(Vars.requireText(execution, "planPeriodStart", "检查开始日期"));
        LocalDate to = clock.toDate(Vars.requireText(execution, "planPeriodEnd", "检查结束日期"));
        if (to.isBefore(from)) {
            throw new RuleViolation("period-reversed", "检查结束日期不能早于开始日期", "The period ends before it starts");
        }
        if (to.isBefore(clock.today())) {
            throw new RuleViolation("period-past", "检查结束日期不能早于今天", "The inspection period has already ended");
        }
        execution.setVariable("planPeriodEndAt", clock.endOfDay(to));
        // a target not inspected in the period cannot be inspected under this plan any more (checkRecord refuses it);
        // once the records of inspections held in time have had their days to be entered, it is explained, not left open
        execution.setVariable("missedTargetAt", clock.endOfDay(clock.addWorkingDays(to, policy.recordEntryWorkingDays())));
    }

    static final Set<String> MISSED_REASONS = Set.of("closed", "unreachable", "relocated", "notReached");

    /**
     * 未按期检查说明: a drawn target not inspected within the approved period — the plan's draw is recorded and
     * published, so why it went uninspected is recorded too (a deregistered or closed business, one that cannot be
     * reached at its registered address, one that moved away, or one the inspectors did not reach), and it is left to
     * a later plan (国办发〔2024〕54号: 检查须在批准的计划内实施).
     */
    public void recordMissed(DelegateTask task) {
        Vars.requireOneOf(task, "missedReason", "未按期检查的原因", MISSED_REASONS);
        Vars.requireText(task, "missedExplanation", "情况说明");
    }

    /** Task create listener: the published items and the enforcement departments as the form's options. */
    public void offerPlanOptions(DelegateTask task) {
        StringBuilder items = new StringBuilder("[");
        for (InspectionItem item : mapper.items()) {
            if (item.published()) {
                option(items, item.code() + " " + item.name(), item.code());
            }
        }
        task.setVariableLocal("itemOptions", SpinValues.jsonValue(items.append(']').toString()).create());
        StringBuilder departments = new StringBuilder("[");
        for (Department department : organization.departments()) {
            if ("enforcement".equals(department.kind())) {
                option(departments, department.name(), department.id());
            }
        }
        task.setVariableLocal("departmentOptions", SpinValues.jsonValue(departments.append(']').toString()).create());
    }

    /** 检查审批 (国办发〔2024〕54号: inspections are approved beforehand): approve, or return the plan. */
    public void checkPlanApproval(DelegateTask task) {
        Vars.requireOneOf(task, "planDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "planOpinion", "审批理由");
    }

    // ---------------------------------------------------------------- one target

    /** Start of one drawn target: its party, its two drawn inspectors, and its own variables. */
    public void enterTarget(DelegateExecution execution) {
        String id = (String) execution.getVariable("targetId");
        DrawAlgorithm.Target target = draws.target(((Number) execution.getVariable("drawId")).longValue(), id);
        RegulatedEntity entity = mapper.entity(id);
        for (String name : TARGET_VARIABLES) {
            execution.setVariableLocal(name, null);
        }
        execution.setVariableLocal("partyType", "organization");
        execution.setVariableLocal("partyName", entity == null ? id : entity.name());
        execution.setVariableLocal("partyIdNumber", id);
        execution.setVariableLocal("partyAddress", entity == null ? null : entity.address());
        execution.setVariableLocal("riskClass", target.riskClass());
        execution.setVariableLocal("inspector1", target.inspectors().get(0));
        execution.setVariableLocal("inspector2", target.inspectors().get(1));
        execution.setVariableLocal("inspectorCandidates", String.join(",", target.inspectors()));
        execution.setVariableLocal("inspectorNames", target.inspectors().stream()
                .map(u -> organization.officer(u).map(o -> o.name()).orElse(u)).collect(Collectors.joining("、")));
        execution.setVariableLocal("decisionMatter", execution.getVariable("itemName"));
        execution.setVariableLocal("hearingHeld", false);
    }

    /** Task create listener: only the drawn inspectors' credentials can be chosen. */
    public void offerInspectors(DelegateTask task) {
        task.setVariableLocal("inspectorOptions", SpinValues.jsonValue(inspectorOptions(drawnInspectors(task))).create());
    }

    private String inspectorOptions(Set<String> users) {
        StringBuilder json = new StringBuilder("[");
        for (String user : users) {
            String name = organization.officer(user).map(o -> o.name()).orElse(user);
            for (Credential credential : organization.credentialsOf(user)) {
                if (credential.isValidOn(clock.today()) && credential.covers("inspection")) {
                    option(json, name + "（执法证号 " + credential.credentialNo() + "）", credential.credentialNo());
                }
            }
        }
        return json.append(']').toString();
    }

    /**
     * An inspector declared a conflict of interest with an entity after a draw chose him for it (回避, 行政处罚法第四十三条;
     * RULES 5.6): every on-site inspection of that entity not yet recorded gets its inspectors again by the draw's own
     * rule with the conflicts known now ({@link DrawAlgorithm#reassign}: the others keep their places, the next in the
     * target's published order replaces him) — its candidates, assignee and credential options follow. Where fewer than
     * the required inspectors remain, the assignment stays and the record is refused ({@link #checkRecord}). The change
     * is the system's act on the declaration, recorded in the case's history.
     */
    void reassignAfterConflict(String inspector, String entityId) {
        for (Task task : taskService.createTaskQuery().processDefinitionKey("inspection")
                .taskDefinitionKey("Task_OnSiteInspection").active().list()) {
            if (!entityId.equals(taskService.getVariable(task.getId(), "targetId"))) {
                continue;
            }
            Object candidates = taskService.getVariable(task.getId(), "inspectorCandidates");
            if (candidates == null || !List.of(candidates.toString().split(",")).contains(inspector)) {
                continue;
            }
            long drawId = ((Number) taskService.getVariable(task.getId(), "drawId")).longValue();
            List<String> inspectors = draws.inspectorsNow(drawId, entityId);
            if (inspectors.isEmpty()) {
                continue;
            }
            Map<String, Object> assignment = new HashMap<>();
            assignment.put("inspector1", inspectors.get(0));
            assignment.put("inspector2", inspectors.get(1));
            assignment.put("inspectorCandidates", String.join(",", inspectors));
            assignment.put("inspectorNames", inspectors.stream()
                    .map(u -> organization.officer(u).map(o -> o.name()).orElse(u)).collect(Collectors.joining("、")));
            runtimeService.setVariables(task.getExecutionId(), assignment);
            Set<String> present = new LinkedHashSet<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                    if (inspectors.contains(link.getUserId())) {
                        present.add(link.getUserId());
                    } else {
                        taskService.deleteCandidateUser(task.getId(), link.getUserId());
                    }
                }
            }
            for (String user : inspectors) {
                if (!present.contains(user)) {
                    taskService.addCandidateUser(task.getId(), user);
                }
            }
            if (task.getAssignee() == null || !inspectors.contains(task.getAssignee())) {
                taskService.setAssignee(task.getId(), inspectors.get(0));
            }
            taskService.setVariableLocal(task.getId(), "inspectorOptions",
                    SpinValues.jsonValue(inspectorOptions(new LinkedHashSet<>(inspectors))).create());
        }
    }

    /**
     * 现场检查笔录: by the two inspectors the draw chose (双随机, RULES 5.2), with valid credentials shown (行政处罚法
     * 第四十二条、第五十五条; 国办发〔2018〕118号二(五)), recorded (第五十五条第二款), with the findings and what follows.
     */
    public void checkRecord(DelegateTask task) {
        Instant start = pastInstant(task, "inspectionStartedAt", "检查开始时间");
        Instant end = pastInstant(task, "inspectionEndedAt", "检查结束时间");
        if (!end.isAfter(start)) {
            throw new RuleViolation("end-before-start", "检查结束时间应晚于开始时间", "The inspection must end after it starts");
        }
        // the inspectors held valid credentials covering inspection when they inspected, not merely when the record is
        // entered (行政处罚法第四十二条、第五十五条; RULES 5.8): judged on each day of the inspection
        List<Credential> credentials = credentialsOn(List.of(text(task, "officer1Credential"), text(task, "officer2Credential")),
                start, end);
        Set<String> users = credentials.stream().map(Credential::userId).collect(Collectors.toSet());
        requireNoConflict(task, users);
        if (!users.equals(drawnInspectors(task))) {
            throw new RuleViolation("not-drawn-inspectors", "现场检查须由随机选派的检查人员实施（" + task.getVariable("inspectorNames")
                    + "，双随机抽查）", "The inspection must be done by the inspectors the draw chose");
        }
        if (!Vars.flag(task, "credentialsShown")) {
            throw new RuleViolation("credentials-not-shown", "检查时须主动出示执法证件（行政处罚法第五十五条；国办发〔2018〕118号二(五)）",
                    "Inspectors must show their credentials (Art. 55)");
        }
        // an inspection of a drawn target happens within its approved plan and after the draw that chose it (国办发〔2015〕
        // 58号二(一)(二), 优化营商环境条例第54条; RULES 5.1, 5.2); its end also starts the 20 working days of result publicity
        // (RULES 5.5), so it cannot lie before them
        LocalDate planStart = clock.toDate(Vars.requireText(task, "planPeriodStart", "检查开始日期"));
        DrawRecord draw = mapper.draw(((Number) task.getVariable("drawId")).longValue());
        Instant earliest = clock.startOfDay(planStart).toInstant();
        if (draw != null && draw.drawnAt() != null && draw.drawnAt().toInstant().isAfter(earliest)) {
            // the form records minutes, the database may round the draw's seconds up (MySQL): compare whole minutes
            earliest = draw.drawnAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        }
        if (start.isBefore(earliest)) {
            throw new RuleViolation("inspection-before-plan", "检查开始时间不能早于检查计划期间的开始和随机抽取检查对象的时间（"
                    + LocalDateTime.ofInstant(earliest, clock.zone()).withNano(0) + "）",
                    "The inspection cannot start before its plan period and the draw that chose its target (" + earliest + ")");
        }
        // nor end after the approved period: an inspection outside it has no approval (国办发〔2024〕54号: 检查须经审批;
        // RULES 5.7); a target not inspected in time needs a new plan
        LocalDate planEnd = clock.toDate(Vars.requireText(task, "planPeriodEnd", "检查结束日期"));
        if (end.isAfter(clock.endOfDay(planEnd).toInstant())) {
            throw new RuleViolation("inspection-after-plan", "检查须在批准的检查计划期间内实施，检查结束时间不能晚于计划结束日期（" + planEnd
                    + "）；期间内未检查的对象须另行制定抽查计划并经审批",
                    "The inspection must take place within its approved plan period, which ended on " + planEnd);
        }
        String recordNo = Vars.requireText(task, "recordNo", "现场检查笔录编号（行政处罚法第五十五条第二款）");
        String findings = Vars.requireText(task, "findings", "检查情况");
        String result = Vars.requireOneOf(task, "result", "检查结论", RESULTS);
        requireProposal(task, result);
        // what a legal review of the finding reviews: the handling the inspectors propose (国办发〔2018〕118号四(十三): the
        // review judges whether the proposed decision's facts, law and discretion are right, so it must be shown)
        task.setVariable("reviewMatter", "compliant".equals(result) ? null
                : "双随机抽查发现问题的处理（" + task.getVariable("itemName") + "，检查笔录" + recordNo + "）");
        task.setVariable("proposedDecision", proposal(task, result));
        for (String flag : new String[] {"majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase",
                "containsSecrets"}) {
            task.setVariable(flag, Vars.flag(task, flag));
        }
        task.setVariable("actingOfficers", String.join(",", credentials.stream().map(Credential::userId).toList()));
        Date ended = Date.from(end);
        task.setVariable("inspectionEnd", ended);
        // RULES 5.5 (国发〔2019〕5号, local rules): the public result within 20 working days of the inspection's end. That
        // limit is the publication review's due date too (Publications counts it from inspectionEnd); the result is
        // handed over early enough to leave the review its own working days inside it, not at the limit itself
        task.setVariable("publicationDue", clock.workingDaysAfter(ended, policy.publicationWorkingDays()));
        task.setVariable("publicationHandOverDue", clock.workingDaysAfter(ended, policy.handOverWorkingDays()));
        task.setVariable("decisionDocumentNo", recordNo);
        task.setVariable("violationName", task.getVariable("itemName") + "：" + abbreviate(findings, 100));
        task.setVariable("factsFound", findings);
        task.setVariable("publicResult", switch (result) {
            case "compliant" -> "检查合格，未发现违法违规问题";
            case "rectify" -> "发现问题：" + findings + "。依法责令限期整改";
            default -> "发现问题：" + findings + "。涉嫌违法，依法立案查处";
        });
    }

    /**
     * 按法制审核意见补正: a review that found a problem goes back to the inspectors, who deal with it and send it again
     * (国办发〔2018〕118号四; 行政处罚法第五十八条: 审核未通过的，不得作出决定). What they may correct is the proposal the
     * review judged — the rectification's requirements or the suspected violation and its date — checked as on the
     * record; the on-site finding itself (its conclusion) stays as recorded. The review then sees the corrected proposal.
     */
    public void checkRevision(DelegateTask task) {
        Vars.requireText(task, "revisionNote", "补正说明");
        String result = (String) task.getVariable("result");
        requireProposal(task, result);
        task.setVariable("proposedDecision", proposal(task, result));
    }

    private void requireProposal(VariableScope scope, String result) {
        switch (result) {
            case "rectify" -> Vars.requireText(scope, "rectificationRequirements", "整改要求");
            case "penalty" -> {
                Vars.requireText(scope, "violationCode", "涉嫌违法行为");
                LocalDate violation = clock.toDate(Vars.requireText(scope, "violationDate", "违法行为发生日期"));
                if (violation.isAfter(clock.today())) {
                    throw new RuleViolation("date-in-future", "违法行为发生日期不能晚于今天", "violationDate cannot be in the future");
                }
            }
            default -> {
            }
        }
    }

    /** The handling the inspectors propose on a finding, as the legal review reads it. */
    private String proposal(VariableScope scope, String result) {
        return switch (result) {
            case "rectify" -> "责令限期整改。整改要求：" + scope.getVariable("rectificationRequirements");
            case "penalty" -> "移送立案查处（行政处罚普通程序）。涉嫌违法行为：" + scope.getVariable("violationCode")
                    + "；违法行为发生日期：" + clock.toDate(scope.getVariable("violationDate"));
            default -> null;
        };
    }

    /**
     * The officers who declared a conflict of interest with this target (回避, 行政处罚法第四十三条; RULES 5.6), as the
     * legal review's {@code recusedOfficers}: a legal reviewer with such a conflict may not review its finding either.
     */
    public String conflictedOfficers(DelegateExecution execution) {
        String target = (String) execution.getVariable("targetId");
        List<String> users = mapper.conflictsFor(target).stream().map(InspectionConflict::userId).toList();
        return users.isEmpty() ? null : String.join(",", users);
    }

    /** 检查结果公示 (RULES 5.5): the handler confirms what is published; secrets are flagged, not published. */
    public void publishResult(DelegateTask task) {
        Vars.requireText(task, "publicResult", "公示的检查结果");
        task.setVariable("containsSecrets", Vars.flag(task, "containsSecrets"));
        handOver(task);
    }

    /**
     * Nobody confirmed the result by its hand-over day (the publication limit less the review's working days): it goes
     * to publicity as recorded, and the publication review still has its working days before the limit (RULES 5.5).
     */
    public void publishOnDeadline(DelegateExecution execution) {
        handOver(execution);
    }

    private void handOver(VariableScope scope) {
        scope.setVariable("decisionResult", scope.getVariable("publicResult"));
        scope.setVariable("decisionDate", clock.now());
    }

    /** 检查结果处理审批: rectification, a penalty case, or nothing further. */
    public void checkHandlingDecision(DelegateTask task) {
        Vars.requireOneOf(task, "handlingDecision", "处理决定", Set.of("rectify", "penalty", "none"));
        Vars.requireText(task, "handlingOpinion", "审批理由");
        if ("penalty".equals(task.getVariable("handlingDecision"))) {
            Vars.requireText(task, "violationCode", "涉嫌违法行为（由检查人员在检查笔录中填写）");
            Vars.requireText(task, "violationDate", "违法行为发生日期（由检查人员在检查笔录中填写）");
        }
    }

    /** 责令限期整改通知书: served, with a deadline after the service. */
    public void checkRectificationOrder(DelegateTask task) {
        Vars.requireText(task, "rectificationOrderNo", "责令限期整改通知书文号");
        Vars.requireText(task, "rectificationRequirements", "整改要求");
        LocalDate served = pastDate(task, "rectificationServedDate", "送达日期");
        // the order follows the inspection that found the problem (行政处罚法第二十八条第一款; 第五十五条: the finding is
        // recorded on site first)
        LocalDate found = clock.toDate(task.getVariable("inspectionEnd"));
        if (served.isBefore(found)) {
            throw new RuleViolation("served-before-inspection", "责令限期整改通知书的送达日期不能早于发现问题的现场检查（" + found + "）",
                    "The rectification order cannot be served before the inspection that found the problem (" + found + ")");
        }
        LocalDate deadline = clock.toDate(Vars.requireText(task, "rectificationDeadline", "整改期限"));
        if (!deadline.isAfter(served)) {
            throw new RuleViolation("deadline-not-after-service", "整改期限应当晚于送达日期", "The deadline must follow the service");
        }
        task.setVariable("rectificationDeadlineEnd", clock.endOfDay(deadline));
    }

    /** 复查: by two inspectors; "not rectified" only once the deadline has passed. */
    public void checkReinspection(DelegateTask task) {
        Instant reinspected = pastInstant(task, "reinspectedAt", "复查时间");
        // a re-inspection checks the rectification ordered: not before the order was served
        LocalDate served = clock.toDate(task.getVariable("rectificationServedDate"));
        if (LocalDate.ofInstant(reinspected, clock.zone()).isBefore(served)) {
            throw new RuleViolation("reinspection-before-order", "复查时间不能早于责令限期整改通知书的送达日期（" + served + "）",
                    "The re-inspection cannot precede the service of the rectification order (" + served + ")");
        }
        // valid credentials on the day of the re-inspection, not of its entry (行政处罚法第四十二条、第五十五条)
        List<Credential> credentials = credentialsOn(List.of(text(task, "reinspector1Credential"),
                text(task, "reinspector2Credential")), reinspected, reinspected);
        requireNoConflict(task, credentials.stream().map(Credential::userId).collect(Collectors.toSet()));
        if (!Vars.flag(task, "reinspectionCredentialsShown")) {
            throw new RuleViolation("credentials-not-shown", "检查时须主动出示执法证件（行政处罚法第五十五条）",
                    "Inspectors must show their credentials (Art. 55)");
        }
        Vars.requireText(task, "reinspectionRecordNo", "复查笔录编号");
        Vars.requireText(task, "reinspectionFindings", "复查情况");
        String result = Vars.requireOneOf(task, "reinspectionResult", "复查结论", Set.of("rectified", "notRectified"));
        if ("notRectified".equals(result)) {
            // 逾期未整改 is what the re-inspection found after the deadline, not what its entry says later: a re-inspection
            // held while the party still had time to rectify cannot find him late (责令限期改正: the party may rectify until
            // the deadline's last day; 行政处罚法第二十八条第一款)
            if (!reinspected.isAfter(((Date) task.getVariable("rectificationDeadlineEnd")).toInstant())) {
                throw new RuleViolation("deadline-not-passed", "整改期限（" + clock.toDate(task.getVariable("rectificationDeadlineEnd"))
                        + "）届满前进行的复查，不能认定逾期未整改", "Not rectified can only be found by a re-inspection after the deadline");
            }
            Vars.requireText(task, "violationCode", "涉嫌违法行为（移送立案）");
            pastDate(task, "violationDate", "违法行为发生日期");
        }
        task.setVariable("actingOfficers", String.join(",", credentials.stream().map(Credential::userId).toList()));
    }

    /**
     * 移送立案: a penalty-general case for the target, linked to this inspection both ways (the new case carries
     * linkedCase, this target records penaltyCaseKey). Its handler is the first inspector; the start is the system's
     * act on the leader's decision, so it runs without the leader's own start permission.
     */
    public void startPenaltyCase(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseSource", "inspection");
        for (String party : List.of("partyType", "partyName", "partyIdNumber", "partyAddress")) {
            variables.put(party, execution.getVariable(party));
        }
        variables.put("violationCode", execution.getVariable("violationCode"));
        variables.put("violationDate", clock.toDate(execution.getVariable("violationDate")).toString());
        variables.put("discoveredDate", clock.toDate(execution.getVariable("inspectionEnd")).toString());
        String summary = "双随机抽查（" + execution.getVariable("itemName") + "，检查笔录" + execution.getVariable("recordNo")
                + "）发现：" + execution.getVariable("findings");
        if ("notRectified".equals(execution.getVariable("reinspectionResult"))) {
            summary += "；经责令限期整改（" + execution.getVariable("rectificationOrderNo") + "），逾期未整改："
                    + execution.getVariable("reinspectionFindings");
        }
        variables.put("caseSummary", abbreviate(summary, 2000));
        variables.put("initiator", execution.getVariable("inspector1"));
        variables.put("linkedCase", execution.getProcessBusinessKey());
        variables.put("linkRelation", "inspection");
        Object[] started = Context.getCommandContext().runWithoutAuthorization(() -> {
            ProcessInstance penalty = runtimeService.startProcessInstanceByKey("penalty-general", variables);
            return new Object[] {penalty.getBusinessKey(), runtimeService.getVariable(penalty.getId(), "caseNumber")};
        });
        execution.setVariable("penaltyCaseKey", started[0]);
        execution.setVariable("penaltyCaseNumber", started[1]);
    }

    // ---------------------------------------------------------------- helpers

    /** 执法人员与案件有直接利害关系的，应当回避（行政处罚法第四十三条; RULES 5.6): a declared conflict bars the inspector. */
    private void requireNoConflict(VariableScope scope, Set<String> users) {
        String target = (String) scope.getVariable("targetId");
        for (String user : users) {
            if (target != null && mapper.conflictCount(user, target) > 0) {
                String name = organization.officer(user).map(o -> o.name()).orElse(user);
                throw new RuleViolation("inspector-conflict", name + "已申报与该检查对象有利害关系，应当回避，不得参加检查（行政处罚法第四十三条）",
                        user + " declared a conflict of interest with this entity and must not inspect it (recusal, Art. 43)");
            }
        }
    }

    /**
     * Two distinct inspectors whose credentials were valid and covered inspection on every day from {@code from} to
     * {@code to} (行政处罚法第四十二条：执法人员应当具有执法资格; 第五十五条: credentials shown when inspecting). A
     * credential is valid over one interval of days, so the first and the last day decide.
     */
    private List<Credential> credentialsOn(List<String> credentialNos, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, clock.zone());
        LocalDate last = LocalDate.ofInstant(to, clock.zone());
        List<Credential> credentials = team.require(credentialNos, "inspection", first);
        if (!last.equals(first)) {
            team.require(credentialNos, "inspection", last);
        }
        return credentials;
    }

    private static Set<String> drawnInspectors(VariableScope scope) {
        return new LinkedHashSet<>(List.of(((String) scope.getVariable("inspectorCandidates")).split(",")));
    }

    private Instant pastInstant(VariableScope scope, String name, String label) {
        Instant at = clock.toInstant(Vars.requireText(scope, name, label));
        if (at.isAfter(clock.now().toInstant())) {
            throw new RuleViolation("time-in-future", label + "不能晚于当前时间", name + " cannot be in the future");
        }
        return at;
    }

    private LocalDate pastDate(VariableScope scope, String name, String label) {
        LocalDate day = clock.toDate(Vars.requireText(scope, name, label));
        if (day.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", label + "不能晚于今天", name + " cannot be in the future");
        }
        return day;
    }

    private static String text(VariableScope scope, String name) {
        return Vars.text(scope, name);
    }

    private static void option(StringBuilder json, String label, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append("{\"label\":\"").append(escape(label)).append("\",\"value\":\"").append(escape(value)).append("\"}");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
