package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 案卷评查 of penalty-summary (当场处罚) on generated history. Its own items: the facts must be conclusive (第51条),
 * the on-the-spot fine handed over and deposited within two working days each (第71条), the decision reported to the
 * department (第52条). The clock starts on Monday 2026-03-02 09:00.
 */
class PenaltySummaryScoringTests extends ScoringProcessTest {

    static Map<String, Object> onSpot() {
        return new HashMap<>(Map.of("partyType", "individual", "partyName", "王小明", "partyIdNumber", "210102198001011232",
                "caseSummary", "施工现场未设置围挡", "legalBasisText", "《建设工程安全生产管理条例》第六十四条",
                "violationDate", "2026-03-02", "place", "和平区某工地", "penaltyKind", "fine", "fineAmount", 100,
                "factsConclusive", true));
    }

    static Map<String, Object> decision() {
        return new HashMap<>(Map.of("officer1Credential", ZHANGSAN_CREDENTIAL, "officer2Credential", LISI_CREDENTIAL,
                "credentialsShown", true, "statementHeard", true, "decisionDocumentNo", "当场〔2026〕0001",
                "partySigned", "signed", "onSpotCollected", true, "fiscalReceiptNo", "票据0001"));
    }

    /** Decided, reported and the collected fine handed over on the given day and deposited the same day. */
    ProcessInstance decidedAndHandedOver(LocalDateTime handOver) {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot());
        submit("zhangsan", c, "Task_OnSpotDecision", decision());
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕1号", "filingReviewOpinion", "符合规定"));
        at(handOver);
        String day = handOver.toLocalDate().toString();
        submit("zhangsan", c, "Task_HandOverFine", Map.of("handOverDate", day));
        submit("zhaoliu", c, "Task_DepositFine", Map.of("depositDate", day, "bankReceiptNo", "回单001"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
        return c;
    }

    @Test
    void aCleanOnTheSpotCaseScoresFullMarks() {
        ProcessInstance c = decidedAndHandedOver(LocalDateTime.of(2026, 3, 3, 9, 0));
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoFactsWhenTheFactsWereNotConfirmedConclusive() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot());
        // the registration's confirmation of conclusive facts (第51条) is withdrawn afterwards in the record
        runtimeService.setVariable(c.getId(), "factsConclusive", false);
        submit("zhangsan", c, "Task_OnSpotDecision", decision());
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕1号", "filingReviewOpinion", "符合规定"));
        submit("zhangsan", c, "Task_HandOverFine", Map.of("handOverDate", "2026-03-02"));
        submit("zhaoliu", c, "Task_DepositFine", Map.of("depositDate", "2026-03-02", "bankReceiptNo", "回单001"));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-FACTS");
        assertThat(score.score()).isZero();
        assertThat(score.passed()).isFalse();
        assertThat(finding(score, "V-FACTS").basis()).contains("第51条");
        assertThat(finding(score, "V-FACTS").proofs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("variable");
            assertThat(p.name()).isEqualTo("factsConclusive");
            assertThat(p.value()).isEqualTo("false");
            assertThat(p.id()).isNotBlank();
        });
    }

    @Test
    void vetoTwoOfficersAlsoOnTheSpot() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot());
        submit("zhangsan", c, "Task_OnSpotDecision", decision());
        runtimeService.setVariable(c.getId(), "actingOfficers", "zhangsan");
        submit("zhaoliu", c, "Task_FilingRecord", Map.of("filingRecordNo", "备案〔2026〕1号", "filingReviewOpinion", "符合规定"));
        submit("zhangsan", c, "Task_HandOverFine", Map.of("handOverDate", "2026-03-02"));
        submit("zhaoliu", c, "Task_DepositFine", Map.of("depositDate", "2026-03-02", "bankReceiptNo", "回单001"));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-TWO-OFFICERS");
        assertThat(finding(score, "V-TWO-OFFICERS").fact()).containsEntry("officerCount", 1);
        assertThat(finding(score, "V-TWO-OFFICERS").proofs()).anySatisfy(p ->
                assertThat(p.value()).isEqualTo("Task_OnSpotDecision"));
    }

    @Test
    void aFineHandedOverAfterTwoWorkingDaysDeducts() {
        // collected Monday 2026-03-02: due at the department by Wednesday 2026-03-04 (第71条); handed over Thursday
        ProcessInstance c = decidedAndHandedOver(LocalDateTime.of(2026, 3, 5, 9, 0));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(score.score()).isEqualTo(90);
        assertThat(score.passed()).isTrue();
        Finding late = finding(score, "D-LATE-STEPS");
        assertThat(late.basis()).contains("第71条");
        assertThat(late.notes()).singleElement().asString().contains("当场收缴罚款交至机关").contains("2026-03-04")
                .contains("2026-03-05");
        assertThat(late.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("task");
            assertThat(p.name()).isEqualTo("当场收缴罚款交至机关");
            assertThat(p.time()).isEqualTo(instant(LocalDateTime.of(2026, 3, 5, 9, 0)));
        });
    }

    @Test
    void aDecisionNeverReportedToTheDepartmentDeducts() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot());
        submit("zhangsan", c, "Task_OnSpotDecision", decision());
        // the report to the department (备案, 第52条) is skipped by an administrator
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_FilingRecord")
                .startBeforeActivity("Gateway_PaymentKind").execute();
        submit("zhangsan", c, "Task_HandOverFine", Map.of("handOverDate", "2026-03-02"));
        submit("zhaoliu", c, "Task_DepositFine", Map.of("depositDate", "2026-03-02", "bankReceiptNo", "回单001"));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-MISSING-DOCUMENTS");
        assertThat(finding(score, "D-MISSING-DOCUMENTS").notes()).containsExactly("缺当场处罚决定备案");
        assertThat(score.score()).isEqualTo(90);
    }

    @Test
    void aPreCheckOfAnOpenCaseWorks() {
        ProcessInstance c = start("zhangsan", "penalty-summary", onSpot());
        submit("zhangsan", c, "Task_OnSpotDecision", decision());
        CaseScore pre = scoring.precheck(cases.find(c.getBusinessKey()).orElseThrow());
        assertThat(pre.precheck()).isTrue();
        assertThat(pre.findings()).isEmpty();
        assertThat(pre.score()).isEqualTo(100);
    }
}
