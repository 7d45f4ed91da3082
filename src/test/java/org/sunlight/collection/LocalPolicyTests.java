package org.sunlight.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * The local rules switched the other way (RULES 6.2, 6.4): a city whose 办法 provides a surcharge (滞纳金) of 0.05 %
 * a day, and which no longer makes the infrastructure fee a condition of the construction permit.
 */
@TestPropertySource(properties = {
        "sunlight.licensing.fee-before-permit=false",
        "sunlight.collection.surcharge.legal-basis=《某市城市基础设施配套费征收管理办法》第十二条",
        "sunlight.collection.surcharge.daily-rate=0.0005"})
class LocalPolicyTests extends ProcessTest {

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

    private ProcessInstance notified(double floorArea) {
        ProcessInstance c = start("zhangsan", "collection", CollectionProcessTests.registration(
                CollectionProcessTests.projectCode(), floorArea));
        submit("zhangsan", c, "Task_ConfirmAssessment", CollectionProcessTests.confirmation(false));
        submit("zhaoliu", c, "Task_CollectionDecision", CollectionProcessTests.approval());
        Map<String, Object> delivery = new HashMap<>(CollectionProcessTests.delivery("2026-03-02"));
        // the surcharge standard must be told to the party (行政强制法第四十五条第一款)
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_DeliverNotice", delivery))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("第四十五条").hasMessageContaining("第十二条");
        delivery.put("surchargeStandardNotified", true);
        submit("zhangsan", c, "Task_DeliverNotice", delivery);
        assertThat(c).variables().containsEntry("surchargeApplies", true);
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 17)));
        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "demanded", "demandDocumentNo", "催缴〔2026〕2号",
                "demandDeliveredDate", "2026-03-19", "performanceDeadline", "2026-03-30"));
        return c;
    }

    @Test
    void aLatePaymentCarriesTheSurchargeUpToThePaymentDay() {
        ProcessInstance c = notified(12000);
        // a surcharge must run more than 30 days before enforcement (第四十六条): not before the end of 2026-04-16
        assertThat(task(c, "Task_AwaitPerformance").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 16)));
        at(LocalDateTime.of(2026, 4, 10, 10, 0));
        // 24 days after 2026-03-17 at 0.05 % of 1,800,000 yuan: 21,600 yuan
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_AwaitPerformance", Map.of("paidDate", "2026-04-10",
                "paidAmount", 1800000, "paymentReceiptNo", "非税〔2026〕9号")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("含滞纳金21600元");
        submit("zhangsan", c, "Task_AwaitPerformance", Map.of("paidDate", "2026-04-10", "paidAmount", 1821600,
                "paymentReceiptNo", "非税〔2026〕9号"));
        assertThat(c).isEnded().hasPassed("EndEvent_PaidLate").variables().containsEntry("surcharge", 21600.0);
    }

    @Test
    void theSurchargeNeverExceedsTheFee() {
        ProcessInstance c = notified(1);
        // 150 yuan unpaid for more than 2,000 days: 0.05 % a day would be more than the fee itself
        at(LocalDateTime.of(2031, 12, 1, 10, 0));
        submit("zhangsan", c, "Task_AwaitPerformance", Map.of("paidDate", "2031-12-01", "paidAmount", 300,
                "paymentReceiptNo", "非税〔2031〕1号"));
        assertThat(c).isEnded().variables().containsEntry("surcharge", 150.0);
    }

    @Test
    void theSurchargeAndItsBasisGoToCoerciveExecution() {
        ProcessInstance c = notified(12000);
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 4, 16)));
        ProcessInstance execution = runtimeService.createProcessInstanceQuery().superProcessInstanceId(c.getId()).singleResult();
        // handed over on 2026-04-17, the 31st day late (第四十六条: more than 30 days): 31 × 0.05 % of 1,800,000 yuan
        assertThat(runtimeService.getVariable(execution.getId(), "surcharge")).isEqualTo(27900.0);
        assertThat((String) runtimeService.getVariable(execution.getId(), "obligation"))
                .isEqualTo("缴纳城市基础设施配套费人民币1800000元及滞纳金人民币27900元（《某市城市基础设施配套费征收管理办法》第十二条）（市建征〔2026〕5号）");
    }

    @Test
    void withoutTheLocalFeeRuleAPermitIsGrantedWhetherOrNotTheFeeIsPaid() {
        String project = CollectionProcessTests.projectCode();
        ProcessInstance c = start("zhangsan", "licensing", new HashMap<>(Map.ofEntries(
                Map.entry("licenceMatter", "construction-permit"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某房地产开发有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街1号"), Map.entry("projectCode", project),
                Map.entry("projectName", "某某花园三期"), Map.entry("investment", 50_000_000), Map.entry("floorArea", 12000),
                Map.entry("submittedMaterials", List.of("applicationForm", "planningPermit")), Map.entry("receivedDate", "2026-03-02"))));
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept", "acceptanceNoticeNo", "受1号"));
        submit("zhangsan", c, "Task_SubstantiveReview", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "verificationNote", "符合条件", "reviewStep", "proceed"));
        submit("zhangsan", c, "Task_ReviewOpinion", Map.of("proposedOutcome", "grant", "reviewFindings", "符合条件"));
        assertThat(c).hasNotPassed("Task_AwaitFee").isWaitingAt("Task_LicensingDecision");
        submit("zhaoliu", c, "Task_LicensingDecision", Map.of("licensingDecision", "grant", "decisionDocumentNo", "市建许〔2026〕30号",
                "legalBasis", "《中华人民共和国建筑法》第八条", "decisionOpinion", "同意"));
        assertThat(c).isWaitingAt("Task_IssueCertificate");
        assertThat(fees.status(project).assessments()).isEmpty();
    }
}
