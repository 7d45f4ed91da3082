package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 案卷评查 of licensing (行政许可) on generated history: an application under the general periods of 行政许可法第四十二条
 * (no infrastructure fee, no permit life). Its own items: acceptance within 5 working days (第32条), the certificate
 * within 10 working days of the decision (第44条), a requested hearing held before the decision (第47条), two
 * reviewers (第34条). The clock starts on Monday 2026-03-02 09:00.
 */
class LicensingScoringTests extends ScoringProcessTest {

    static Map<String, Object> application() {
        return new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某运输有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"),
                Map.entry("submittedMaterials", List.of("applicationForm", "other")),
                Map.entry("materialsNote", "运输车辆清单、处置场所证明"), Map.entry("receivedDate", "2026-03-02")));
    }

    void accept(ProcessInstance c) {
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept",
                "acceptanceNoticeNo", "市建许受〔2026〕11号"));
    }

    void reviewAndPropose(ProcessInstance c) {
        submit("zhangsan", c, "Task_SubstantiveReview", Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "verificationNote", "材料齐全，现场核查符合条件（核查笔录〔2026〕3号）",
                "reviewStep", "proceed", "interestedParties", false, "hearingRight", false, "hearingByLaw", false));
        submit("zhangsan", c, "Task_ReviewOpinion", Map.of("proposedOutcome", "grant", "reviewFindings",
                "运输车辆和处置场所符合条件", "majorPublicInterest", false, "majorSocialImpact", false,
                "majorThirdPartyRights", false, "complexCase", false));
    }

    void grant(ProcessInstance c) {
        submit("zhaoliu", c, "Task_LicensingDecision", Map.of("licensingDecision", "grant",
                "decisionDocumentNo", "市建许〔2026〕21号", "legalBasis", "《城市建筑垃圾管理规定》第七条",
                "decisionOpinion", "同意核发", "containsSecrets", false));
    }

    void issue(ProcessInstance c, LocalDate on) {
        at(on.atTime(10, 0));
        submit("zhangsan", c, "Task_IssueCertificate", Map.of("certificateNo", "210102202603030101",
                "deliveryMethod", "direct", "certificateIssuedDate", on.toString(), "deliveryReceiptNo", "送达〔2026〕31号"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
    }

    @Test
    void aCleanLicensingCaseScoresFullMarks() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        accept(c);
        reviewAndPropose(c);
        grant(c);
        issue(c, LocalDate.of(2026, 3, 3));
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoProcedureWhenARequestedHearingWasNotHeld() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        accept(c);
        reviewAndPropose(c);
        // the record shows an applicant's hearing request (第47条); the decision follows without a hearing
        runtimeService.setVariable(c.getId(), "responseType", "hearingRequest");
        grant(c);
        issue(c, LocalDate.of(2026, 3, 3));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-PROCEDURE");
        assertThat(score.score()).isZero();
        Finding finding = finding(score, "V-PROCEDURE");
        assertThat(finding.basis()).contains("《行政许可法》第47条");
        assertThat(finding.proofs()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("responseType");
            assertThat(p.value()).isEqualTo("hearingRequest");
        }).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Task_LicensingDecision");
            assertThat(p.recordSeq()).isNotNull();
        });
    }

    @Test
    void vetoWhenTheVerificationHadFewerThanTwoReviewers() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        accept(c);
        reviewAndPropose(c);
        runtimeService.setVariable(c.getId(), "actingOfficers", "zhangsan");
        grant(c);
        issue(c, LocalDate.of(2026, 3, 3));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-TWO-OFFICERS");
        assertThat(finding(score, "V-TWO-OFFICERS").basis()).contains("第34条第3款");
        assertThat(finding(score, "V-TWO-OFFICERS").proofs()).anySatisfy(p ->
                assertThat(p.value()).isEqualTo("Task_SubstantiveReview"));
    }

    @Test
    void aCertificateDeliveredAfterTenWorkingDaysDeducts() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        accept(c);
        reviewAndPropose(c);
        grant(c);
        // decided Monday 2026-03-02: 10 working days (第44条) end on Monday 2026-03-16; issued on 2026-03-17
        issue(c, LocalDate.of(2026, 3, 17));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(score.score()).isEqualTo(90);
        Finding late = finding(score, "D-LATE-STEPS");
        assertThat(late.basis()).contains("第44条");
        assertThat(late.notes()).singleElement().asString().contains("颁发、送达许可证件").contains("2026-03-16");
        assertThat(late.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("task");
            assertThat(p.time()).isEqualTo(instant(LocalDateTime.of(2026, 3, 17, 10, 0)));
        });
    }

    @Test
    void anApplicationDeemedAcceptedBecauseNoOneDecidedInFiveWorkingDaysDeducts() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        fireTimer(c, "Event_DeemedAccepted", endOf(LocalDate.of(2026, 3, 9)));
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        submit("zhangsan", c, "Task_DeemedAcceptanceReceipt", Map.of("acceptanceNoticeNo", "市建许受〔2026〕12号"));
        reviewAndPropose(c);
        grant(c);
        issue(c, LocalDate.of(2026, 3, 10));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(finding(score, "D-LATE-STEPS").proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Event_DeemedAccepted");
        });
    }

    @Test
    void aPreCheckBeforeTheDecisionLeavesOutTheDecisionsOwnRecords() {
        ProcessInstance c = start("zhangsan", "licensing", application());
        accept(c);
        reviewAndPropose(c);
        CaseScore pre = scoring.precheck(cases.find(c.getBusinessKey()).orElseThrow());
        assertThat(pre.findings()).isEmpty();
        assertThat(pre.score()).isEqualTo(100);
    }
}
