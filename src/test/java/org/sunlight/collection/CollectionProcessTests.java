package org.sunlight.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * Every path of collection (城市基础设施配套费) under the default policy: no surcharge configured. Clock starts on
 * Monday 2026-03-02 09:00.
 */
class CollectionProcessTests extends ProcessTest {

    @Autowired InfrastructureFees fees;
    private String stub;

    @BeforeEach
    void deployStub() {
        stub = CoerciveExecutionStub.deploy(engine.getRepositoryService());
    }

    @AfterEach
    void removeStub() {
        CoerciveExecutionStub.remove(engine.getRepositoryService(), stub);
    }

    static String projectCode() {
        return String.format("2026-210102-47-01-%06d", System.nanoTime() % 1_000_000);
    }

    static Map<String, Object> registration(String projectCode, double floorArea) {
        return new HashMap<>(Map.ofEntries(Map.entry("partyType", "organization"), Map.entry("partyName", "沈阳某某置业有限公司"),
                Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"), Map.entry("partyAddress", "沈阳市沈河区某街2号"),
                Map.entry("projectCode", projectCode), Map.entry("projectName", "某某花园一期"),
                Map.entry("projectType", "residential"), Map.entry("floorArea", floorArea),
                Map.entry("planningPermitNo", "建字第210102202600012号")));
    }

    static Map<String, Object> confirmation(boolean thirdPartyRights) {
        return Map.of("assessmentBasis", "建设工程规划许可证核定计容建筑面积", "majorPublicInterest", false,
                "majorSocialImpact", false, "majorThirdPartyRights", thirdPartyRights, "complexCase", false);
    }

    static Map<String, Object> approval() {
        return Map.of("collectionDecision", "approve", "decisionDocumentNo", "市建征〔2026〕5号", "decisionOpinion", "同意征收");
    }

    static Map<String, Object> delivery(String date) {
        return Map.of("deliveryMethod", "direct", "deliveredDate", date, "deliveryReceiptNo", "送达〔2026〕9号");
    }

    /** A case decided and its notice delivered on Monday 2026-03-02: the fee is due by Tuesday 2026-03-17. */
    ProcessInstance notified(String projectCode) {
        ProcessInstance c = start("zhangsan", "collection", registration(projectCode, 12000));
        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(false));
        submit("zhaoliu", c, "Task_CollectionDecision", approval());
        submit("zhangsan", c, "Task_DeliverNotice", delivery("2026-03-02"));
        return c;
    }

    @Test
    void assessedByTheRateTableDecidedNotifiedAndPaidOnTime() {
        String project = projectCode();
        ProcessInstance c = start("zhangsan", "collection", registration(project, 12000));
        assertThat(c.getBusinessKey()).matches("ZS-2026-\\d{5}");
        // 12,000 m² of housing at 150 yuan/m² (DMN infrastructure-fee)
        assertThat(c).isWaitingAt("Task_ConfirmAssessment").variables().containsEntry("rate", 150.0)
                .containsEntry("principal", 1800000.0).containsEntry("category", "collection");
        assertThat(fees.status(project).assessments()).isEmpty();

        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(false));
        assertThat(c).hasPassed("Task_LegalReviewRequired").isWaitingAt("Task_CollectionDecision").variables()
                .containsEntry("reviewRequired", false);
        submit("zhaoliu", c, "Task_CollectionDecision", approval());
        assertThat(events.stream(CaseDecided.class).filter(e -> e.businessKey().equals(c.getBusinessKey())))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("fee-assessed");
                    assertThat(e.category()).isEqualTo("collection");
                    assertThat(e.result()).isEqualTo("征收城市基础设施配套费人民币1800000元");
                    assertThat(e.legalBasis()).contains("城市基础设施配套费");
                    assertThat(e.documentNo()).isEqualTo("市建征〔2026〕5号");
                });
        FeeStatus assessed = fees.status(project);
        assertThat(assessed.cleared()).isFalse();
        assertThat(assessed.outstanding()).isEqualByComparingTo("1800000");

        submit("zhangsan", c, "Task_DeliverNotice", delivery("2026-03-02"));
        // 15 days after delivery on 2026-03-02 (local payment period): Tuesday 2026-03-17
        assertThat(task(c, "Task_ConfirmPayment").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 17)));
        assertThat(timer(c, "Event_PaymentOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 17)));
        assertThat(variable(c, "surchargeApplies")).isEqualTo(false);

        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10",
                "paidAmount", 1799999.99, "paymentReceiptNo", "非税〔2026〕1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("缴款金额不足");
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10", "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Paid");
        assertThat(fees.status(project).cleared()).isTrue();
        assertThat(fees.status(project).outstanding()).isEqualByComparingTo("0");
    }

    @Test
    void aPaymentMoreThanTheAssessedFeeIsRefusedAndTheRegisterHoldsWhatWasDue() {
        String project = projectCode();
        ProcessInstance c = notified(project);
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        // a receipt dated before the decision (2026-03-02) is not a payment of this fee
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-02-27",
                "paidAmount", 1800000, "paymentReceiptNo", "非税〔2026〕1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能早于征收决定日期 2026-03-02");
        // the fee is collected as decided, no more: an overpayment (or a mistyped amount) is not booked as paid
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10",
                "paidAmount", 18000000, "paymentReceiptNo", "非税〔2026〕1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("应缴人民币1800000元").hasMessageContaining("超过");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10",
                "paidAmount", 1800000.01, "paymentReceiptNo", "非税〔2026〕1号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("超过");
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10", "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕1号"));
        assertThat(c).isEnded().hasPassed("EndEvent_Paid");
        assertThat(fees.status(project).outstanding()).isEqualByComparingTo("0");
    }

    @Test
    void overdueFeeIsDemandedAndPaidWithoutSurchargeWhenNoneIsConfigured() {
        String project = projectCode();
        ProcessInstance c = notified(project);
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 17)));
        assertThat(c).isWaitingAt("Task_OverdueDemand");

        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        // the demand gives a period to pay (行政强制法第三十五条)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "demanded",
                "demandDocumentNo", "催缴〔2026〕1号", "demandDeliveredDate", "2026-03-19", "performanceDeadline", "2026-03-19")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第三十五条");
        submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "demanded", "demandDocumentNo", "催缴〔2026〕1号",
                "demandDeliveredDate", "2026-03-19", "performanceDeadline", "2026-03-30"));
        // no surcharge runs, so the demand's own period decides when enforcement may start
        assertThat(task(c, "Task_AwaitPerformance").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));

        at(LocalDateTime.of(2026, 3, 25, 10, 0));
        submit("zhangsan", c, "Task_AwaitPerformance", Map.of("paidDate", "2026-03-25", "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕2号"));
        assertThat(c).isEnded().hasPassed("EndEvent_PaidLate").variables().containsEntry("surcharge", 0.0);
        assertThat(fees.status(project).cleared()).isTrue();
    }

    @Test
    void paymentMadeAfterTheDeadlineIsSettledAtTheDemandStep() {
        ProcessInstance c = notified(projectCode());
        at(LocalDateTime.of(2026, 3, 18, 10, 0));
        // a late payment cannot be booked as on time
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-18",
                "paidAmount", 1800000, "paymentReceiptNo", "非税〔2026〕3号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("逾期");
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 17)));
        submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "paid", "paidDate", "2026-03-18",
                "paidAmount", 1800000, "paymentReceiptNo", "非税〔2026〕3号"));
        assertThat(c).isEnded().hasPassed("EndEvent_PaidLate").hasNotPassed("Task_AwaitPerformance");
    }

    @ParameterizedTest
    @CsvSource({"performed, EndEvent_Enforced, true", "court-applied, EndEvent_CourtApplied, false",
            "terminated, EndEvent_Terminated, false"})
    void unpaidAfterTheDemandGoesToCoerciveExecution(String outcome, String end, boolean cleared) {
        String project = projectCode();
        ProcessInstance c = notified(project);
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 17)));
        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "demanded", "demandDocumentNo", "催缴〔2026〕1号",
                "demandDeliveredDate", "2026-03-19", "performanceDeadline", "2026-03-30"));
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 30)));

        assertThat(c).isWaitingAt("CallActivity_CoerciveExecution");
        ProcessInstance execution = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        assertThat(execution.getBusinessKey()).isEqualTo(c.getBusinessKey());
        Map<String, Object> passed = runtimeService.getVariables(execution.getId());
        assertThat(passed).containsEntry("executionBasis", "collection").containsEntry("principal", 1800000.0)
                .containsEntry("surcharge", 0.0).containsEntry("decisionDocumentNo", "市建征〔2026〕5号")
                .containsEntry("partyType", "organization").containsEntry("partyName", "沈阳某某置业有限公司")
                .containsEntry("partyIdNumber", "91210100MA0Y6XQ12A").containsEntry("partyAddress", "沈阳市沈河区某街2号");
        assertThat((String) passed.get("obligation")).isEqualTo("缴纳城市基础设施配套费人民币1800000元（市建征〔2026〕5号）");
        assertThat(fees.status(project).assessments()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("enforcing"));

        runtimeService.setVariable(execution.getId(), "executionOutcome", outcome);
        Task stubTask = task(c, CoerciveExecutionStub.TASK);
        taskService.complete(stubTask.getId());
        assertThat(c).isEnded().hasPassed(end);
        assertThat(fees.status(project).cleared()).isEqualTo(cleared);
    }

    @Test
    void legalReviewRejectionLeadsToReassessmentAndTheLeaderCanReturnToo() {
        ProcessInstance c = start("zhangsan", "collection", registration(projectCode(), 12000));
        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(true));
        assertThat(c).isWaitingAt("CallActivity_LegalReview").variables().containsEntry("reviewRequired", true);
        Task review = task(c, "Task_LegalReview");
        assertThat(formService.getTaskFormVariables(review.getId()).getValueTyped("proposedDecision").getValue())
                .isEqualTo("征收城市基础设施配套费人民币1800000元（建筑面积12000平方米 × 150元/平方米）");

        submit("wangwu", c, "Task_LegalReview", review("rejected", "建筑面积应以规划核实面积为准"));
        assertThat(c).isWaitingAt("Task_ReviseAssessment");
        submit("zhangsan", c, "Task_ReviseAssessment", Map.of("projectName", "某某花园一期", "projectType", "residential",
                "floorArea", 11800.5, "revisionNote", "按规划核实面积重新核定"));
        assertThat(c).variables().containsEntry("principal", 1770075.0);
        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(true));
        submit("wangwu", c, "Task_LegalReview", review("approved", "同意"));

        submit("zhaoliu", c, "Task_CollectionDecision", Map.of("collectionDecision", "return", "decisionOpinion", "项目类别有误"));
        assertThat(c).isWaitingAt("Task_ReviseAssessment").variables().containsEntry("reviewApproved", true);
        submit("zhangsan", c, "Task_ReviseAssessment", Map.of("projectName", "某某花园一期", "projectType", "commercial",
                "floorArea", 11800.5, "revisionNote", "改为商业"));
        assertThat(c).variables().containsEntry("principal", 2360100.0).containsEntry("reviewApproved", null);
        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(true));
        // the earlier approval does not carry over to the new amount
        assertThat(c).isWaitingAt("CallActivity_LegalReview");
    }

    @Test
    void badRegistrationsAreRefusedAndStartNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("collection").count();
        Map<String, Object> badCode = registration("2026-21010247-01-000001", 100);
        assertThatThrownBy(() -> start("zhangsan", "collection", badCode)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("项目代码");
        Map<String, Object> noArea = registration(projectCode(), 0);
        assertThatThrownBy(() -> start("zhangsan", "collection", noArea)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("建筑面积");
        Map<String, Object> badId = registration(projectCode(), 100);
        badId.put("partyIdNumber", "91210100MA0Y6XQ12B");
        assertThatThrownBy(() -> start("zhangsan", "collection", badId)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("统一社会信用代码");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("collection").count()).isEqualTo(before);
    }

    @Test
    void aDecisionNeedsItsDocumentNumber() {
        ProcessInstance c = start("zhangsan", "collection", registration(projectCode(), 100));
        submit("zhangsan", c, "Task_ConfirmAssessment", confirmation(false));
        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_CollectionDecision", Map.of("collectionDecision", "approve",
                "decisionOpinion", "同意"))).isInstanceOf(RuleViolation.class).hasMessageContaining("文号");
        assertThat(c).isWaitingAt("Task_CollectionDecision");
        assertThat(fees.status((String) variable(c, "projectCode")).assessments()).isEmpty();
    }

    static Map<String, Object> review(String conclusion, String opinion) {
        return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "rejected".equals(conclusion) ? "problem" : "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", opinion), Map.entry("reviewConclusion", conclusion));
    }

    @SuppressWarnings("unused")
    private static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }
}
