package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 案卷评查 of collection (城市基础设施配套费) on generated history. A desk procedure: no officer items. Its own items:
 * the planning permit the floor area is assessed from (RULES 6.2–6.3), and the written demand of an overdue fee
 * (行政强制法第35条、第46条). The clock starts on Monday 2026-03-02 09:00.
 */
class CollectionScoringTests extends ScoringProcessTest {

    static Map<String, Object> registration() {
        return new HashMap<>(Map.ofEntries(Map.entry("partyType", "organization"), Map.entry("partyName", "沈阳某某置业有限公司"),
                Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"), Map.entry("partyAddress", "沈阳市沈河区某街2号"),
                Map.entry("projectCode", String.format("2026-210102-47-01-%06d", System.nanoTime() % 1_000_000)),
                Map.entry("projectName", "某某花园一期"), Map.entry("projectType", "residential"),
                Map.entry("floorArea", 12000), Map.entry("planningPermitNo", "建字第210102202600012号")));
    }

    /** Assessed, decided and the notice delivered on Monday 2026-03-02: the fee is due by Tuesday 2026-03-17. */
    ProcessInstance notified() {
        ProcessInstance c = start("zhangsan", "collection", registration());
        submit("zhangsan", c, "Task_ConfirmAssessment", Map.of("assessmentBasis", "建设工程规划许可证核定计容建筑面积",
                "majorPublicInterest", false, "majorSocialImpact", false, "majorThirdPartyRights", false,
                "complexCase", false));
        submit("zhaoliu", c, "Task_CollectionDecision", Map.of("collectionDecision", "approve",
                "decisionDocumentNo", "市建征〔2026〕5号", "decisionOpinion", "同意征收"));
        submit("zhangsan", c, "Task_DeliverNotice", Map.of("deliveryMethod", "direct", "deliveredDate", "2026-03-02",
                "deliveryReceiptNo", "送达〔2026〕9号"));
        return c;
    }

    void paidOnTime(ProcessInstance c) {
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-10", "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕1号"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
    }

    @Test
    void aCleanCollectionScoresFullMarks() {
        ProcessInstance c = notified();
        paidOnTime(c);
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoEvidenceWhenThePlanningPermitIsNotOnRecord() {
        ProcessInstance c = notified();
        runtimeService.setVariable(c.getId(), "planningPermitNo", "");
        paidOnTime(c);
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-EVIDENCE");
        assertThat(score.score()).isZero();
        Finding finding = finding(score, "V-EVIDENCE");
        assertThat(finding.basis()).contains("RULES §8.2").contains("§6.2");
        assertThat(finding.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("variable");
            assertThat(p.name()).isEqualTo("planningPermitNo");
            assertThat(p.value()).isEmpty();
            assertThat(p.recordSeq()).isNotNull();
        });
    }

    @Test
    void anOverdueDemandWithoutItsDocumentNumberDeducts() {
        ProcessInstance c = notified();
        fireTimer(c, "Event_PaymentOverdue", endOf(LocalDate.of(2026, 3, 17)));
        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        submit("zhangsan", c, "Task_OverdueDemand", Map.of("demandOutcome", "demanded", "demandDocumentNo", "催缴〔2026〕1号",
                "demandDeliveredDate", "2026-03-19", "performanceDeadline", "2026-03-30"));
        runtimeService.setVariable(c.getId(), "demandDocumentNo", "");
        at(LocalDateTime.of(2026, 3, 25, 10, 0));
        submit("zhangsan", c, "Task_AwaitPerformance", Map.of("paidDate", "2026-03-25", "paidAmount", 1800000,
                "paymentReceiptNo", "非税〔2026〕2号"));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-MISSING-DOCUMENTS");
        assertThat(score.score()).isEqualTo(90);
        Finding missing = finding(score, "D-MISSING-DOCUMENTS");
        assertThat(missing.basis()).contains("第35条");
        assertThat(missing.notes()).containsExactly("缺催缴书文号");
        assertThat(missing.proofs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Task_OverdueDemand");
        });
    }
}
