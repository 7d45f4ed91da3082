package org.sunlight.coercion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.coercion.CoercionCase.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * 中止执行 (行政强制法第三十九条) and 执行协议 (第四十二条) in coercive-execution: after the execution decision the
 * handler reports, the leader decides; while suspended or under an agreement nothing is executed, and execution resumes
 * at the step where it stopped. The clock starts on Monday 2026-03-02 09:00.
 */
class ExecutionSuspensionAndAgreementTests extends ProcessTest {

    static final Set<String> RECORDED_STEPS = Set.of("Task_OnSiteExecution", "Task_OnSiteDemolition");

    @Override
    public void submit(String user, ProcessInstance c, String taskKey, Map<String, Object> variables) {
        if (RECORDED_STEPS.contains(taskKey)) {
            attachVideo(user, c, taskKey);
        }
        super.submit(user, c, taskKey, variables);
    }

    /** Demand served 2026-03-02, due 2026-03-09, overdue; the leader decided on the given route. */
    private ProcessInstance decided(String type, String route, double surcharge) {
        ProcessInstance c = start("zhangsan", "coercive-execution", executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", demand(type, "2026-01-05", "2026-03-02", "2026-03-09"));
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 9)));
        Map<String, Object> proposal = new HashMap<>(proposal(route));
        proposal.put("surcharge", surcharge);
        if (surcharge > 0) {
            proposal.put("surchargeStartDate", "2026-01-21");
        }
        submit("zhangsan", c, "Task_ExecutionProposal", proposal);
        submit("zhaoliu", c, "Task_ExecutionDecision", decision("市建强执〔2026〕7号"));
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        return c;
    }

    /** Decided for substitute performance (代履行); decision served 2026-03-11, reminded 2026-03-12 for 2026-03-18. */
    private ProcessInstance substituteReminded() {
        ProcessInstance c = decided("other", "substitute", 0);
        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        submit("zhangsan", c, "Task_SubstituteNotice", Map.of("substituteDecisionServedDate", "2026-03-11",
                "reminderServedDate", "2026-03-12", "plannedStart", "2026-03-18T09:00", "plannedEnd", "2026-03-18T12:00",
                "emergency", false, "noUtilityCutoff", true));
        return c;
    }

    private static Map<String, Object> report(String step) {
        return new HashMap<>(Map.of("executionDecisionServedDate", "2026-03-10", "decisionServiceMethod", "direct",
                "executionStep", step, "pauseReport", "suspend".equals(step)
                        ? "案外人沈阳某某物资公司主张执行标的系其所有，并提交了买卖合同和付款凭证"
                        : "当事人书面请求分期缴纳，并已足额补缴社会保险费、整改完毕"));
    }

    private static Map<String, Object> suspension(String ground, String date) {
        return new HashMap<>(Map.of("suspensionDecision", "approve", "suspensionOpinion", "同意中止",
                "suspensionGround", ground, "suspensionReason", "案外人对执行标的主张权利，理由成立",
                "suspensionDocumentNo", "市建强中〔2026〕1号", "suspensionDate", date));
    }

    private static Map<String, Object> agreement() {
        Map<String, Object> v = new HashMap<>();
        v.put("agreementDecision", "approve");
        v.put("agreementOpinion", "同意达成执行协议");
        v.put("publicInterestUnharmed", true);
        v.put("othersRightsUnharmed", true);
        v.put("agreementDocumentNo", "市建强协〔2026〕1号");
        v.put("agreementDate", "2026-03-10");
        v.put("performancePlan", "2026-04-30前缴纳25000元；2026-06-30前缴纳其余款项");
        v.put("agreementDueDate", "2026-06-30");
        v.put("agreedPrincipal", 50000);
        v.put("agreedSurcharge", 1500);
        v.put("remedialMeasures", false);
        return v;
    }

    private String outcome(ProcessInstance c) {
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId())
                .variableName("executionOutcome").singleResult().getValue();
    }

    @Test
    void aSuspendedExecutionResumesWhereItStoppedWhenTheGroundHasGone() {
        ProcessInstance c = decided("other", "direct", 0);
        submit("zhangsan", c, "Task_ScheduleExecution", report("suspend"));
        assertThat(c).isWaitingAt("Task_SuspensionDecision").hasNotPassed("Task_OnSiteExecution");

        // ground (三) only where the suspension does not harm the public interest
        Map<String, Object> leader = suspension("irreparable", "2026-03-10");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_SuspensionDecision", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十九条第一款第三项");
        leader.put("suspensionGround", "third-party");
        leader.put("suspensionDate", "2026-03-01");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_SuspensionDecision", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("中止执行日期不能早于");
        leader.remove("suspensionDocumentNo");
        leader.put("suspensionDate", "2026-03-10");
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_SuspensionDecision", leader)).isInstanceOf(RuleViolation.class);
        assertThat(c).isWaitingAt("Task_SuspensionDecision");
        leader.put("suspensionDocumentNo", "市建强中〔2026〕1号");
        submit("zhaoliu", c, "Task_SuspensionDecision", leader);
        assertThat(c).isWaitingAt("Task_Suspended").variables().containsEntry("executionSuspended", true)
                .containsEntry("suspendedStep", "Task_ScheduleExecution");
        assertThat(timer(c, "Event_SuspensionLapsed").getDuedate()).isEqualTo(endOf(LocalDate.of(2029, 3, 10)));

        // nothing ends the execution before three years (第三十九条第二款)
        at(LocalDateTime.of(2026, 6, 1, 9, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Suspended", Map.of("suspensionOutcome", "abandon")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十九条第二款").hasMessageContaining("2029-03-10");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Suspended", Map.of("suspensionOutcome", "resume",
                "groundGoneDate", "2026-03-09", "groundGoneNote", "案外人撤回异议")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于中止执行日期");
        assertThat(c).isWaitingAt("Task_Suspended");
        submit("zhangsan", c, "Task_Suspended", Map.of("suspensionOutcome", "resume", "groundGoneDate", "2026-05-28",
                "groundGoneNote", "人民法院判决驳回案外人的确权请求，判决已生效"));

        // back where it stopped: the execution is planned again
        assertThat(c).isWaitingAt("Task_ScheduleExecution").variables().containsEntry("executionSuspended", false)
                .containsEntry("executionStep", null);
        submit("zhangsan", c, "Task_ScheduleExecution", Map.of("executionDecisionServedDate", "2026-03-10",
                "decisionServiceMethod", "direct", "plannedStart", "2026-06-03T09:00", "plannedEnd", "2026-06-03T11:00",
                "emergency", false, "noUtilityCutoff", true));
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
        at(LocalDateTime.of(2026, 6, 3, 12, 0));
        submit("zhangsan", c, "Task_OnSiteExecution", onSiteExecution("2026-06-03T09:00", "2026-06-03T11:00"));
        assertThat(c).isEnded().hasPassed("Task_Suspended", "EndEvent_Executed");
        assertThat(outcome(c)).isEqualTo("performed");
    }

    /**
     * A third party claims the property on the day of the execution (第三十九条第一款第二项): the officers stop, record
     * what happened and report; the case does not end as executed. Resumed, the execution is arranged anew — the
     * schedule of a direct execution, a new three-day reminder of a substitute performance (第五十一条第一款第二项).
     */
    @Test
    void anExecutionStoppedOnSiteIsReportedAndArrangedAnewWhenResumed() {
        ProcessInstance c = decided("other", "direct", 0);
        submit("zhangsan", c, "Task_ScheduleExecution", Map.of("executionDecisionServedDate", "2026-03-10",
                "decisionServiceMethod", "direct", "plannedStart", "2026-03-12T09:00", "plannedEnd", "2026-03-12T11:00",
                "emergency", false, "noUtilityCutoff", true));
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
        at(LocalDateTime.of(2026, 3, 12, 12, 0));
        Map<String, Object> stopped = onSiteExecution("2026-03-12T09:00", "2026-03-12T10:00");
        stopped.put("executionResult", "执行中案外人到场主张执行标的系其所有，停止执行");
        stopped.put("executionStep", "suspend");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OnSiteExecution", stopped))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十九条");
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
        stopped.put("pauseReport", "案外人沈阳某某物资公司现场出示买卖合同和付款凭证，主张执行标的系其所有");
        submit("zhangsan", c, "Task_OnSiteExecution", stopped);
        assertThat(c).isWaitingAt("Task_SuspensionDecision").hasNotPassed("EndEvent_Executed").variables()
                .containsEntry("suspendedStep", "Task_ScheduleExecution");

        submit("zhaoliu", c, "Task_SuspensionDecision", Map.of("suspensionDecision", "reject", "suspensionOpinion", "合同系执行后签订，理由不成立，继续执行"));
        assertThat(c).isWaitingAt("Task_ScheduleExecution").variables().containsEntry("executionStep", null);
    }

    @Test
    void aSubstitutePerformanceStoppedOnSiteIsRemindedAgainWhenResumed() {
        ProcessInstance c = substituteReminded();
        fireTimer(c, "Event_SubstituteNoticeElapsed", timer(c, "Event_SubstituteNoticeElapsed").getDuedate());
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
        at(LocalDateTime.of(2026, 3, 18, 12, 0));
        Map<String, Object> stopped = onSiteExecution("2026-03-18T09:00", "2026-03-18T10:00");
        stopped.put("executionStep", "agreement");
        stopped.put("pauseReport", "当事人到场书面请求自行拆除并分期缴纳代履行费用");
        submit("zhangsan", c, "Task_OnSiteExecution", stopped);
        assertThat(c).isWaitingAt("Task_AgreementApproval").variables().containsEntry("suspendedStep", "Task_SubstituteWait");
        submit("zhaoliu", c, "Task_AgreementApproval", Map.of("agreementDecision", "reject", "agreementOpinion", "不同意，继续代履行"));
        assertThat(c).isWaitingAt("Task_SubstituteNotice");
    }

    @Test
    void aSuspensionThatLastedThreeYearsUnresumedEndsInNoFurtherExecution() {
        ProcessInstance c = substituteReminded();
        Map<String, Object> step = new HashMap<>(Map.of("executionStep", "suspend"));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_SubstituteWait", step))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十九条");
        step.put("pauseReport", "当事人企业停产，账户无余额，暂无履行能力");
        submit("zhangsan", c, "Task_SubstituteWait", step);
        Map<String, Object> leader = suspension("inability", "2026-03-12");
        leader.put("suspensionReason", "当事人停产，暂无履行能力");
        submit("zhaoliu", c, "Task_SuspensionDecision", leader);
        assertThat(c).isWaitingAt("Task_Suspended").hasNotPassed("Task_OnSiteExecution");

        // on the last day of the three years it is still too early
        at(LocalDateTime.of(2029, 3, 12, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_Suspended", Map.of("suspensionOutcome", "abandon")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("未满三年");
        fireTimer(c, "Event_SuspensionLapsed", endOf(LocalDate.of(2029, 3, 12)));
        assertThat(c).isWaitingAt("Task_SuspensionLapsed");

        Map<String, Object> lapse = new HashMap<>(Map.of("lapseDecision", "abandon", "lapseOpinion", "中止满三年，当事人已注销前停业",
                "noObviousSocialHarm", true, "partyUnableToPerform", false, "abandonDocumentNo", "市建强不执〔2029〕1号"));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_SuspensionLapsed", lapse))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("确无能力履行").hasMessageContaining("第三十九条第二款");
        lapse.put("partyUnableToPerform", true);
        lapse.put("noObviousSocialHarm", false);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_SuspensionLapsed", lapse))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有明显社会危害");
        lapse.put("noObviousSocialHarm", true);
        submit("zhaoliu", c, "Task_SuspensionLapsed", lapse);
        assertThat(c).isEnded().hasPassed("EndEvent_NoLongerExecuted").hasNotPassed("Task_OnSiteExecution");
        assertThat(outcome(c)).isEqualTo("terminated");
    }

    @Test
    void aRefusedSuspensionGoesBackToTheReminderOfTheSubstitutePerformance() {
        ProcessInstance c = substituteReminded();
        submit("zhangsan", c, "Task_SubstituteWait", Map.of("executionStep", "suspend", "pauseReport", "当事人称正在筹款"));
        submit("zhaoliu", c, "Task_SuspensionDecision", Map.of("suspensionDecision", "reject", "suspensionOpinion", "理由不成立，继续执行"));
        // a new reminder, 3 working days before the substitute performance (第五十一条第一款第二项)
        assertThat(c).isWaitingAt("Task_SubstituteNotice").hasNotPassed("Task_Suspended");
    }

    @Test
    void anAgreementPerformedEndsTheExecutionAsPerformed() {
        ProcessInstance c = decided("payment", "direct", 1500);
        assertThat(c).variables().containsEntry("amountDue", 51500.0);
        submit("zhangsan", c, "Task_ScheduleExecution", report("agreement"));
        assertThat(c).isWaitingAt("Task_AgreementApproval");

        // the agreement may reduce the surcharge only for remedial measures (第四十二条第一款)
        Map<String, Object> leader = agreement();
        leader.put("agreedSurcharge", 500);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("补救措施").hasMessageContaining("第四十二条第一款");
        leader.put("remedialMeasures", true);
        leader.put("remedialMeasuresNote", "当事人已拆除违法搭建并恢复原状");
        leader.put("publicInterestUnharmed", false);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("公共利益");
        leader.put("publicInterestUnharmed", true);
        submit("zhaoliu", c, "Task_AgreementApproval", leader);
        assertThat(c).isWaitingAt("Task_AgreementPerformance").variables().containsEntry("amountDue", 50500.0)
                .containsEntry("agreedSurcharge", 500.0).containsEntry("surcharge", 1500.0).containsEntry("principal", 50000.0);
        assertThat(task(c, "Task_AgreementPerformance").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 6, 30)));

        at(LocalDateTime.of(2026, 6, 29, 9, 0));
        Map<String, Object> performed = new HashMap<>(Map.of("agreementOutcome", "performed", "performedDate", "2026-06-29",
                "performanceProof", "非税缴款书〔2026〕411号、〔2026〕587号", "paidAmount", 50000));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AgreementPerformance", performed))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("50500");
        performed.put("paidAmount", 50500);
        submit("zhangsan", c, "Task_AgreementPerformance", performed);
        assertThat(c).isEnded().hasPassed("EndEvent_AgreementPerformed").hasNotPassed("Task_OnSiteExecution");
        assertThat(outcome(c)).isEqualTo("performed");
    }

    @Test
    void aBrokenAgreementResumesTheExecutionWithTheFullSurcharge() {
        ProcessInstance c = decided("payment", "direct", 1500);
        submit("zhangsan", c, "Task_ScheduleExecution", report("agreement"));
        Map<String, Object> leader = agreement();
        leader.put("agreedSurcharge", 0);
        leader.put("remedialMeasures", true);
        leader.put("remedialMeasuresNote", "当事人已整改完毕");
        submit("zhaoliu", c, "Task_AgreementApproval", leader);
        assertThat(c).variables().containsEntry("amountDue", 50000.0);

        at(LocalDateTime.of(2026, 5, 6, 9, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AgreementPerformance", Map.of("agreementOutcome", "broken")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十二条第二款");
        submit("zhangsan", c, "Task_AgreementPerformance", Map.of("agreementOutcome", "broken",
                "breachNote", "第一期款项到期未缴纳，经催告仍未缴纳"));
        // 第四十二条第二款: the department resumes the execution where it stopped, and the reduction no longer applies
        assertThat(c).isWaitingAt("Task_ScheduleExecution").variables().containsEntry("amountDue", 51500.0)
                .containsEntry("executionSuspended", false);
        submit("zhangsan", c, "Task_ScheduleExecution", Map.of("executionDecisionServedDate", "2026-03-10",
                "decisionServiceMethod", "direct", "plannedStart", "2026-05-07T09:00", "plannedEnd", "2026-05-07T11:00",
                "emergency", false, "noUtilityCutoff", true));
        assertThat(c).isWaitingAt("Task_OnSiteExecution");
    }

    @Test
    void anAgreementNeitherRaisesTheSurchargeNorTouchesThePrincipal() {
        ProcessInstance c = decided("payment", "direct", 1500);
        submit("zhangsan", c, "Task_ScheduleExecution", report("agreement"));

        Map<String, Object> leader = agreement();
        leader.put("agreedSurcharge", 2000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不得增加").hasMessageContaining("第四十二条第一款");
        leader.put("agreedSurcharge", 1500);
        leader.put("agreedPrincipal", 40000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("本金");
        // nor by writing the case's amounts directly
        leader.put("agreedPrincipal", 50000);
        leader.put("principal", 40000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("principal");
        leader.remove("principal");
        leader.put("surcharge", 2000);
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_AgreementApproval", leader))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("surcharge");
        // nothing changed
        assertThat(c).isWaitingAt("Task_AgreementApproval").variables().containsEntry("principal", 50000.0)
                .containsEntry("surcharge", 1500.0).containsEntry("amountDue", 51500.0);
    }
}
