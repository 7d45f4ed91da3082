package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;

/**
 * 案卷评查 on generated history: penalty-general cases driven through the real engine, some of them with the faults a
 * case file can have (an administrator's variable change or process-instance modification, as Cockpit allows), each
 * checked against the DMN checklist. The clean case is the "does not trigger" of every item; each faulty case must
 * trigger exactly its own item. The clock starts on Monday 2026-03-02 09:00.
 */
class CaseFileScoringTests extends ScoringProcessTest {

    // ------------------------------------------------------------------ tests

    @Test
    void aCleanCaseFileScoresFullMarksAndIsScoredWhenItCloses() throws Exception {
        ProcessInstance c = clean();
        // scored by the end listener after the commit, in the background
        StoredScore stored = null;
        for (int i = 0; i < 100 && stored == null; i++) {
            stored = mapper.find(c.getBusinessKey());
            if (stored == null) {
                Thread.sleep(100);
            }
        }
        assertThat(stored).as("score stored when the case closed").isNotNull();
        assertThat(stored.score()).isEqualTo(100);
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
        assertThat(score.checklistVersion()).isEqualTo(stored.checklistVersion());
    }

    @Test
    void vetoSubjectWhenNoActingBodyIsRecorded() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        deliver(c, "2026-03-10");
        runtimeService.removeVariable(c.getId(), "actingBody");
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        payAndClose(c, "2026-03-20");
        assertVetoOnly(score(c), "V-SUBJECT");
    }

    @Test
    void vetoQualificationWhenAnOfficersCredentialWasExpiredOnTheInvestigationDay() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        // set by the investigation form at 09:00, corrected at 11:30: the proof is the value as last set, and when
        at(LocalDateTime.of(2026, 3, 2, 11, 30));
        runtimeService.setVariable(c.getId(), "officer2Credential", EXPIRED_CREDENTIAL);
        report(c, false);
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        CaseScore score = assertVetoOnly(score(c), "V-QUALIFICATION");
        assertThat(finding(score, "V-QUALIFICATION").notes()).singleElement().asString()
                .contains(EXPIRED_CREDENTIAL).contains("已过期");
        assertThat(finding(score, "V-QUALIFICATION").proofs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("variable");
            assertThat(p.name()).isEqualTo("officer2Credential");
            assertThat(p.value()).isEqualTo(EXPIRED_CREDENTIAL);
            assertThat(p.time()).isEqualTo(instant(LocalDateTime.of(2026, 3, 2, 11, 30)));
        });
    }

    @Test
    void vetoWhenFewerThanTwoOfficersActed() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        runtimeService.setVariable(c.getId(), "actingOfficers", "zhangsan");
        report(c, false);
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        CaseScore score = assertVetoOnly(score(c), "V-TWO-OFFICERS");
        assertThat(finding(score, "V-TWO-OFFICERS").fact()).containsEntry("officerCount", 1);
        // the investigation's activity instance, with its time and its entry in the record chain
        assertThat(finding(score, "V-TWO-OFFICERS").proofs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Task_Investigation");
            assertThat(p.id()).isNotBlank();
            assertThat(p.time()).isNotNull();
            assertThat(p.recordSeq()).isNotNull().isPositive();
        });
    }

    @Test
    void vetoFactsWhenTheReportFindsNoFacts() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        runtimeService.setVariable(c.getId(), "factsFound", " ");
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        assertVetoOnly(score(c), "V-FACTS");
    }

    @Test
    void vetoEvidenceWhenNoEvidenceListIsRecorded() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        runtimeService.setVariable(c.getId(), "evidenceSummary", "");
        report(c, false);
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        assertVetoOnly(score(c), "V-EVIDENCE");
    }

    @Test
    void vetoLegalBasisWhenTheBenchmarkGaveNone() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        runtimeService.setVariable(c.getId(), "legalBasis", "");
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        assertVetoOnly(score(c), "V-LEGAL-BASIS");
    }

    @Test
    void vetoProcedureWhenARequestedHearingWasNeverHeld() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        notifyAndWait(c);
        // the record shows the party's hearing request; the decision follows without a hearing
        runtimeService.setVariable(c.getId(), "responseType", "hearingRequest");
        decide(c);
        deliverPayClose(c);
        assertVetoOnly(score(c), "V-PROCEDURE");
    }

    @Test
    void vetoReviewWhenARequiredLegalReviewWasBypassed() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, true); // complex: legal review required (Art. 58(1)3)
        propose(c);
        notifyAndWait(c);
        assertThat(variable(c, "reviewRequired")).isEqualTo(true);
        // an administrator marks the review approved and moves the token past it (Cockpit modification)
        runtimeService.setVariable(c.getId(), "reviewApproved", true);
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("CallActivity_LegalReview")
                .startBeforeActivity("Gateway_ReviewDone").execute();
        decide(c);
        deliverPayClose(c);
        assertVetoOnly(score(c), "V-REVIEW");
    }

    @Test
    void aRequiredReviewThatWasHeldAndApprovedIsNoFinding() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, true);
        propose(c);
        notifyAndWait(c);
        submit("wangwu", c, "Task_LegalReview", review());
        decide(c);
        deliverPayClose(c);
        assertThat(codes(score(c))).isEmpty();
    }

    static Map<String, Object> review() {
        return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"), Map.entry("checkLaw", "ok"),
                Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                Map.entry("reviewOpinion", "事实清楚，证据充分，同意。"), Map.entry("reviewConclusion", "approved"));
    }

    @Test
    void lateFilingDeducts() {
        ProcessInstance c = registered();
        // filing due 15 days after discovery on 2026-02-27: 2026-03-16; approved on 2026-03-18
        at(LocalDateTime.of(2026, 3, 18, 9, 0));
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        notifyAndWait(c, "2026-03-18", LocalDate.of(2026, 3, 25));
        decide(c);
        deliver(c, "2026-03-26");
        at(LocalDateTime.of(2026, 3, 27, 10, 0));
        payAndClose(c, "2026-03-27");
        CaseScore score = assertDeductionsOnly(score(c), "D-LATE-FILING");
        assertThat(score.score()).isEqualTo(90);
        assertThat(finding(score, "D-LATE-FILING").fact()).containsEntry("filingOverdueDays", 2);
    }

    @Test
    void anExtendedFilingIsLateOnlyAfterTheExtendedPeriod() {
        ProcessInstance c = registered();
        // extended in time on 2026-03-10 (due 2026-03-16); now due 25 days after discovery on 2026-02-27: 2026-03-24;
        // filed on 2026-03-26
        at(LocalDateTime.of(2026, 3, 10, 9, 0));
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "extend",
                "filingExtensionReason", "需向规划部门核实建设工程规划许可情况", "lifeSafetyHarm", false, "filingOpinion", ""));
        at(LocalDateTime.of(2026, 3, 26, 9, 0));
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        notifyAndWait(c, "2026-03-26", LocalDate.of(2026, 4, 2));
        decide(c);
        deliver(c, "2026-04-03");
        at(LocalDateTime.of(2026, 4, 10, 10, 0));
        payAndClose(c, "2026-04-10");
        CaseScore score = assertDeductionsOnly(score(c), "D-LATE-FILING");
        assertThat(finding(score, "D-LATE-FILING").fact()).containsEntry("filingOverdueDays", 2);
    }

    @Test
    void noFilingApprovalDeducts() {
        ProcessInstance c = registered();
        // the filing approval is skipped: an administrator records the filing and starts the handling directly
        runtimeService.setVariable(c.getId(), "filingDecision", "file");
        runtimeService.setVariable(c.getId(), "filingDate", instant(LocalDateTime.of(2026, 3, 2, 9, 0)));
        runtimeService.setVariable(c.getId(), "decisionDeadline", endOf(LocalDate.of(2026, 6, 1)));
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_FilingApproval")
                .startBeforeActivity("SubProcess_Handling").execute();
        untilDecided(c);
        deliverPayClose(c);
        CaseScore score = assertDeductionsOnly(score(c), "D-NO-FILING-APPROVAL");
        assertThat(score.score()).isEqualTo(90);
    }

    @Test
    void noPriorNoticeDeducts() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        // the notice step is skipped and the record doctored so that the decision form accepts it
        runtimeService.setVariables(c.getId(), Map.of("responseStage", "waived", "hearingHeld", false,
                "notifiedPenaltyKind", "fine", "notifiedFine", 30000, "noticeDeliveredDate", "2026-03-02"));
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_PriorNotice")
                .startBeforeActivity("Gateway_ResponseDone").execute();
        decide(c);
        deliver(c, "2026-03-02");
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        payAndClose(c, "2026-03-10");
        CaseScore score = assertDeductionsOnly(score(c), "D-NO-PRIOR-NOTICE");
        assertThat(score.score()).isEqualTo(80);
    }

    /** 第四十四条 owes the notice before a penalty only: a case closed without penalty lacks nothing for want of one. */
    @Test
    void noPenaltyWithoutANoticeIsNoFinding() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        Map<String, Object> report = new java.util.HashMap<>(Map.of("factsFound", "经调查，档案已按期移交，违法事实不能成立",
                "violationCode", "quality-59", "consequence", "none", "rectified", true, "seriousCase", false));
        report.put("handlingProposal", "noPenalty");
        report.put("noPenaltyGround", "facts-not-established");
        submit("zhangsan", c, "Task_InvestigationReport", report);
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "noPenalty", "decisionOpinion", "违法事实不能成立，不予行政处罚"));
        deliver(c, "2026-03-02");
        submit("zhaoliu", c, "Task_Closure", Map.of("executionStatus", "notApplicable", "closureOpinion", "不予处罚，同意结案"));
        assertThat(codes(score(c))).isEmpty();
    }

    @Test
    void lateDeliveryDeducts() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        // decided 2026-03-10; 7 working days end on 2026-03-19; delivered 2026-03-20
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        deliver(c, "2026-03-20");
        payAndClose(c, "2026-03-20");
        CaseScore score = assertDeductionsOnly(score(c), "D-LATE-DELIVERY");
        assertThat(finding(score, "D-LATE-DELIVERY").fact()).containsEntry("deliveryWorkingDays", 8);
        assertThat(score.score()).isEqualTo(90);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void deliveryOnTheSeventhWorkingDayIsNoFinding() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        at(LocalDateTime.of(2026, 3, 19, 10, 0));
        deliver(c, "2026-03-19");
        payAndClose(c, "2026-03-19");
        assertThat(codes(score(c))).isEmpty();
    }

    @Test
    void missingDeliveryReceiptDeducts() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        deliver(c, "2026-03-10");
        runtimeService.setVariable(c.getId(), "deliveryReceiptNo", "");
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        payAndClose(c, "2026-03-20");
        CaseScore score = assertDeductionsOnly(score(c), "D-MISSING-DOCUMENTS");
        assertThat(finding(score, "D-MISSING-DOCUMENTS").notes()).containsExactly("缺送达回证");
    }

    @Test
    void noEvidenceFilesDeducts() {
        ProcessInstance c = registered();
        file(c);
        submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份"));
        report(c, false);
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        CaseScore score = assertDeductionsOnly(score(c), "D-NO-EVIDENCE-FILES");
        assertThat(score.score()).isEqualTo(95);
    }

    @Test
    void decisionAfterNinetyDaysDeducts() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        notifyAndWait(c);
        // 90 days from filing on 2026-03-02 end on 2026-06-01 (Art. 60); decided on 2026-06-04
        at(LocalDateTime.of(2026, 6, 4, 10, 0));
        decide(c);
        deliver(c, "2026-06-04");
        payAndClose(c, "2026-06-04");
        CaseScore score = assertDeductionsOnly(score(c), "D-DEADLINE");
        assertThat(finding(score, "D-DEADLINE").fact()).containsEntry("decisionOverdueDays", 3);
        assertThat(score.score()).isEqualTo(85);
    }

    @Test
    void reportBeforeTheInvestigationWasCompletedDeducts() {
        ProcessInstance c = registered();
        file(c);
        attachVideo("zhangsan", c, "Task_Investigation");
        // the report is opened while the investigation is still running, and completed first
        runtimeService.createProcessInstanceModification(c.getId()).startBeforeActivity("Task_InvestigationReport")
                .execute();
        report(c, false);
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份"));
        // the completed report has already moved on to the proposal; the report reopened by the investigation goes
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_InvestigationReport")
                .execute();
        propose(c);
        notifyAndWait(c);
        decide(c);
        deliverPayClose(c);
        CaseScore score = assertDeductionsOnly(score(c), "D-ORDER");
        assertThat(score.score()).isEqualTo(95);
        assertThat(finding(score, "D-ORDER").notes()).singleElement().asString().contains("调查终结报告");
    }

    @Test
    void aNewChecklistVersionRescoresStoredScores() throws IOException {
        ProcessInstance c = registered();
        file(c);
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        untilDecided(c);
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        deliver(c, "2026-03-20");
        payAndClose(c, "2026-03-20");
        CaseScore before = score(c);
        assertThat(before.score()).isEqualTo(90);

        // the checklist now deducts 30 points for a late delivery
        String table;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("dmn/case-file-checklist.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = table.replace("<outputEntry id=\"OutputEntry_late-delivery_points\"><text>10</text>",
                "<outputEntry id=\"OutputEntry_late-delivery_points\"><text>30</text>");
        assertThat(changed).isNotEqualTo(table);
        Deployment deployment = repositoryService.createDeployment().name("checklist-change-test")
                .addString("case-file-checklist.dmn", changed).deploy();
        try {
            CaseScore after = score(c);
            assertThat(after.checklistVersion()).isEqualTo(before.checklistVersion() + 1);
            assertThat(after.score()).isEqualTo(70);
            assertThat(finding(after, "D-LATE-DELIVERY").points()).isEqualTo(30);
            assertThat(mapper.find(c.getBusinessKey()).checklistVersion()).isEqualTo(after.checklistVersion());
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        CaseScore restored = score(c);
        assertThat(restored.checklistVersion()).isEqualTo(before.checklistVersion());
        assertThat(restored.score()).isEqualTo(90);
    }

    @Test
    void preCheckOfAnOpenCaseListsWhatWouldCostPointsIfDecidedNow() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        // waiting at the prior notice: deciding now would skip it
        CaseScore precheck = scoring.precheck(cases.find(c.getBusinessKey()).orElseThrow());
        assertThat(precheck.precheck()).isTrue();
        assertThat(codes(precheck)).containsExactly("D-NO-PRIOR-NOTICE");
        assertThat(precheck.score()).isEqualTo(80);
        assertThat(mapper.find(c.getBusinessKey())).as("a pre-check stores nothing").isNull();
        assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("case-file-checklist")
                .count()).as("scoring adds no decision instance to the history (nor to the record chain)").isZero();
        notifyAndWait(c);
        assertThat(codes(scoring.precheck(cases.find(c.getBusinessKey()).orElseThrow()))).isEmpty();
    }

    // ------------------------------------------------------------------ assertions

    private CaseScore assertVetoOnly(CaseScore score, String code) {
        assertThat(codes(score)).as("findings").containsExactly(code);
        assertThat(score.findings().get(0).kind()).isEqualTo("veto");
        assertThat(score.findings().get(0).basis()).containsPattern("第[0-9]+条");
        assertThat(score.score()).isZero();
        assertThat(score.passed()).isFalse();
        return score;
    }

    private CaseScore assertDeductionsOnly(CaseScore score, String code) {
        assertThat(codes(score)).as("findings").containsExactly(code);
        assertThat(score.findings().get(0).kind()).isEqualTo("deduction");
        assertThat(score.findings().get(0).points()).isPositive();
        assertThat(score.score()).isEqualTo(100 - score.findings().get(0).points());
        return score;
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> copy(Map<String, Object> map) {
        return new HashMap<>(map);
    }
}
