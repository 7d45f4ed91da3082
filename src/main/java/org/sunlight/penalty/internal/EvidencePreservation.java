package org.sunlight.penalty.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.EnforcementTeam;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * 先行登记保存 (行政处罚法第五十六条): 在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存，
 * 并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据. "七日" are working days (第八十五条).
 * <p>
 * Each preservation is one instance of the non-interrupting event sub-process {@code SubProcess_EvidencePreservation}
 * inside {@code SubProcess_Handling} of penalty-general (from filing to the decision), started by the message
 * {@value #MESSAGE} that {@link CaseRequests} correlates after checking the officer's request. Its variables are local
 * to that instance ({@link #LOCAL}), so two preservations of one case never overwrite each other. The listeners here
 * are named in the BPMN; a refused step changes nothing and cites the article.
 */
@Component("evidencePreservation")
public class EvidencePreservation {

    static final String MESSAGE = "PenaltyEvidencePreservation";
    static final String APPROVAL = "Task_PreservationApproval";
    static final String RECORD = "Task_PreservationRecord";
    static final String HANDLING = "Task_PreservationHandling";
    static final String OVERDUE = "Task_PreservationOverdue";
    /** The steps during which a preservation is not yet handled (处理决定 not made). */
    static final List<String> OPEN_STEPS = List.of(APPROVAL, RECORD, HANDLING, OVERDUE);

    static final Set<String> OUTCOMES = Set.of("release", "seizure", "testing", "transfer");
    static final Set<String> STORAGE = Set.of("onSite", "offSite");

    /**
     * The variables of one preservation: what the request carries and what its forms and listeners write. They are
     * created local to the event sub-process instance when it starts ({@link #opened}).
     */
    static final List<String> LOCAL = List.of("preservationNo", "preservationItems", "preservationReason",
            "preservationPlace", "preservationStorage", "preservationRequestedBy", "preservationRequestedByName",
            "preservationRequestedAt", "preservationApproval", "preservationApprovalOpinion", "preservationApprover", "preservationApprovedAt",
            "preservedDate", "preservationOfficer1Credential", "preservationOfficer2Credential", "preservationOfficers",
            "preservationCredentialsShown", "preservationNoticeNo", "preservationPartyWarned", "preservationDue",
            "handlingOutcome", "handlingDocumentNo", "handlingDate", "handlingNote", "handlingLate",
            "preservationOverdueReason", "preservationSupervisionOpinion");

    private final StatutoryClock clock;
    private final EnforcementTeam team;
    private final Organization organization;
    private final PenaltyPolicy policy;

    EvidencePreservation(StatutoryClock clock, EnforcementTeam team, Organization organization, PenaltyPolicy policy) {
        this.policy = policy;
        this.clock = clock;
        this.team = team;
        this.organization = organization;
    }

    // ---------------------------------------------------------------- the request (REST), checked before anything moves

    /**
     * The officer's request as the message's variables for the new instance: the items, why the evidence may be lost or
     * hard to obtain later, where it is kept. Bad input is a 400 (via {@link RuleViolation}) and nothing is started.
     */
    Map<String, Object> request(Map<String, Object> body, StaffUser user) {
        CaseRequests.onlyFields(body, Set.of("items", "reason", "place", "storage"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("preservationItems", CaseRequests.text(body, "items", "先行登记保存的证据（物品）清单", 4000, true));
        variables.put("preservationReason", CaseRequests.text(body, "reason",
                "证据可能灭失或者以后难以取得的情形（行政处罚法第五十六条）", 2000, false));
        variables.put("preservationPlace", CaseRequests.text(body, "place", "保存地点", 200, false));
        String storage = CaseRequests.text(body, "storage", "保存方式", 20, false);
        if (!STORAGE.contains(storage)) {
            throw new RuleViolation("invalid-storage", "保存方式只能是就地保存（onSite）或异地保存（offSite）",
                    "storage must be onSite or offSite");
        }
        variables.put("preservationStorage", storage);
        variables.put("preservationRequestedBy", user.userId());
        variables.put("preservationRequestedByName",
                organization.officer(user.userId()).map(o -> o.name()).orElse(user.userId()));
        variables.put("preservationRequestedAt", clock.now());
        return variables;
    }

    // ---------------------------------------------------------------- listeners named in penalty-general.bpmn

    /**
     * Start of an instance: every variable of the preservation becomes local to it (a form submission then updates the
     * instance's own value instead of creating a case-wide one), and it gets its number in the case.
     */
    public void opened(DelegateExecution execution) {
        for (String name : LOCAL) {
            if (!execution.hasVariableLocal(name)) {
                execution.setVariableLocal(name, null);
            }
        }
        Object count = execution.getProcessInstance().getVariable("preservationCount");
        int number = count == null ? 1 : ((Number) count).intValue() + 1;
        execution.getProcessInstance().setVariable("preservationCount", number);
        execution.setVariableLocal("preservationNo", number);
    }

    /** 负责人审批 (第五十六条: 经行政机关负责人批准): a refusal gives its reason. */
    public void decideApproval(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "preservationApproval", "审批意见", Set.of("approve", "refuse"));
        if ("refuse".equals(decision)) {
            Vars.requireText(task, "preservationApprovalOpinion", "不予批准的理由");
        }
        task.setVariable("preservationApprover", Context.getCommandContext().getAuthenticatedUserId());
        task.setVariable("preservationApprovedAt", clock.now());
    }

    /**
     * 实施先行登记保存: by two officers with valid credentials, shown (第四十二条、第五十五条), not recused (第四十三条);
     * the list and notice handed to the party, who is told not to destroy or move the evidence (第五十六条). The seven
     * working days of 第五十六条 run from the day it was done, that day not counted (第八十五条; 民法典第二百零一条).
     */
    public void recordPreservation(DelegateTask task) {
        LocalDate preserved = clock.toDate(Vars.requireText(task, "preservedDate", "实施先行登记保存日期"));
        if (preserved.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", "实施先行登记保存日期不能晚于今天", "preservedDate cannot be in the future");
        }
        Date approved = approvalTime(task);
        if (approved != null && preserved.isBefore(clock.toDate(approved))) {
            throw new RuleViolation("preserved-before-approval", "先行登记保存须经负责人批准后实施，实施日期不能早于批准日期 "
                    + clock.toDate(approved) + "（行政处罚法第五十六条）",
                    "The preservation cannot precede the leader's approval (Art. 56)");
        }
        List<Credential> officers = team.require(java.util.Arrays.asList(
                        Vars.text(task, "preservationOfficer1Credential"),
                        Vars.text(task, "preservationOfficer2Credential")),
                (String) task.getVariable("category"), clock.today());
        team.requireNotRecused(task, officers);
        if (!Vars.flag(task, "preservationCredentialsShown")) {
            throw new RuleViolation("credentials-not-shown", "先行登记保存时须主动出示执法证件（行政处罚法第五十五条）",
                    "Officers must show their credentials (Art. 55)");
        }
        Vars.requireText(task, "preservationNoticeNo", "先行登记保存通知书（证据清单）文号");
        if (!Vars.flag(task, "preservationPartyWarned")) {
            throw new RuleViolation("party-not-warned", "须告知当事人或者有关人员在保存期间不得销毁或者转移证据（行政处罚法第五十六条）",
                    "The party must be told not to destroy or move the evidence (Art. 56)");
        }
        task.setVariable("preservationOfficers", String.join(",", officers.stream().map(Credential::userId).toList()));
        task.setVariable("preservationDue", clock.workingDaysAfter(preserved, policy.preservationHandlingWorkingDays()));
    }

    /** 处理决定 within the period (第五十六条). */
    public void recordHandling(DelegateTask task) {
        checkHandling(task);
        Date due = (Date) task.getVariable("preservationDue");
        task.setVariable("handlingLate", clock.now().after(due));
    }

    /** 逾期督办: the leader records the late handling decision and why it is late (第五十六条). */
    public void recordOverdueHandling(DelegateTask task) {
        checkHandling(task);
        Vars.requireText(task, "preservationOverdueReason", "逾期未作出处理决定的原因");
        Vars.requireText(task, "preservationSupervisionOpinion", "督办意见");
        task.setVariable("handlingLate", true);
    }

    private void checkHandling(DelegateTask task) {
        Vars.requireOneOf(task, "handlingOutcome", "处理决定", OUTCOMES);
        Vars.requireText(task, "handlingDocumentNo", "处理决定书文号");
        LocalDate handled = clock.toDate(Vars.requireText(task, "handlingDate", "处理决定日期"));
        if (handled.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", "处理决定日期不能晚于今天", "handlingDate cannot be in the future");
        }
        LocalDate preserved = clock.toDate(task.getVariable("preservedDate"));
        if (handled.isBefore(preserved)) {
            throw new RuleViolation("handled-before-preserved", "处理决定日期不能早于实施先行登记保存的日期 " + preserved,
                    "The handling decision cannot precede the preservation (" + preserved + ")");
        }
    }

    /**
     * No decision on the case (and no closure) while a preservation of it is not yet handled: the preserved evidence
     * must have its handling decision (第五十六条) before the case is decided on its evidence.
     */
    public void requireSettled(DelegateTask task) {
        if ("return".equals(task.getVariable("decision"))) {
            return; // the leader sends the proposal back: no decision is made yet
        }
        long open = Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices()
                .getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKeyIn(OPEN_STEPS.toArray(String[]::new)).count());
        if (open > 0) {
            throw new RuleViolation("preservation-open", "本案有" + open + "项先行登记保存尚未作出处理决定（审批、实施或处理中），"
                    + "应当先依法作出处理决定（行政处罚法第五十六条）",
                    open + " evidence preservation(s) of this case still await their handling decision (Art. 56)");
        }
    }

    private static Date approvalTime(VariableScope scope) {
        Object at = scope.getVariable("preservationApprovedAt");
        return at instanceof Date d ? d : null;
    }
}
