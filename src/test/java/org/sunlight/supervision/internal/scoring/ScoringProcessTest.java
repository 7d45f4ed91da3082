package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;

/** The steps of a penalty-general case for the scoring tests, each a form submitted by the demo user who works it. */
abstract class ScoringProcessTest extends ProcessTest {

    static final String ZHANGSAN_CREDENTIAL = "21010020230001";
    static final String LISI_CREDENTIAL = "21010020230002";
    static final String EXPIRED_CREDENTIAL = "21010020200005";

    @Autowired CaseScoring scoring;
    @Autowired Cases cases;
    @Autowired ScoreMapper mapper;
    @Autowired RepositoryService repositoryService;

    // ------------------------------------------------------------------ the steps of a clean case

    static Map<String, Object> registration() {
        return Map.of("caseSource", "inspection", "partyType", "organization", "partyName", "沈阳某某建设工程有限公司",
                "partyIdNumber", "91210100MA0Y6XQ12A", "partyAddress", "沈阳市和平区南京北街1号",
                "partyPhone", "024-23456789", "violationCode", "quality-59", "violationDate", "2026-02-10",
                "discoveredDate", "2026-02-27", "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案");
    }

    ProcessInstance registered() {
        return start("zhangsan", "penalty-general", registration());
    }

    void file(ProcessInstance c) {
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
    }

    void investigate(ProcessInstance c) {
        attachVideo("zhangsan", c, "Task_Investigation");
        submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份；现场照片6张；档案馆证明1份"));
    }

    void report(ProcessInstance c, boolean complex) {
        submit("zhangsan", c, "Task_InvestigationReport", Map.ofEntries(
                Map.entry("factsFound", "当事人作为建设单位，工程竣工验收后未按规定移交建设项目档案"),
                Map.entry("violationCode", "quality-59"), Map.entry("consequence", "none"),
                Map.entry("rectified", true), Map.entry("repeatOffense", false),
                Map.entry("majorPublicInterest", false), Map.entry("majorSocialImpact", false),
                Map.entry("majorThirdPartyRights", false), Map.entry("complexCase", complex),
                Map.entry("seriousCase", false)));
    }

    void propose(ProcessInstance c) {
        submit("zhangsan", c, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 30000,
                "otherMeasures", "责令限期移交档案", "deviationReason", ""));
    }

    void notifyAndWait(ProcessInstance c) {
        notifyAndWait(c, "2026-03-02", LocalDate.of(2026, 3, 9));
    }

    /** The notice delivered on a day; the response window (5 working days, no hearing right) expires unused. */
    void notifyAndWait(ProcessInstance c, String deliveredOn, LocalDate windowEnd) {
        submit("zhangsan", c, "Task_PriorNotice", Map.of("noticeDocumentNo", "市建罚告〔2026〕7号",
                "noticeDeliveryMethod", "direct", "noticeDeliveredDate", deliveredOn));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(windowEnd));
    }

    void decide(ProcessInstance c) {
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 30000, "decisionDocumentNo", "市建罚决〔2026〕7号", "decisionOpinion", "同意"));
    }

    void deliver(ProcessInstance c, String on) {
        submit("zhangsan", c, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", on,
                "deliveryReceiptNo", "送达〔2026〕7号"));
    }

    void payAndClose(ProcessInstance c, String paidOn) {
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", paidOn, "paidAmount", 30000,
                "paymentReceiptNo", "非税〔2026〕88号"));
        submit("zhaoliu", c, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "执行完毕，同意结案"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
    }

    /** Filing to decision on the standard path (no hearing, no review), then delivery the next day. */
    ProcessInstance untilDecided(ProcessInstance c) {
        investigate(c);
        report(c, false);
        propose(c);
        notifyAndWait(c);
        decide(c);
        return c;
    }

    ProcessInstance clean() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        deliver(c, "2026-03-10");
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        payAndClose(c, "2026-03-20");
        return c;
    }

    CaseScore score(ProcessInstance c) {
        CaseInfo info = cases.find(c.getBusinessKey()).orElseThrow();
        return scoring.current(info);
    }

    static List<String> codes(CaseScore score) {
        return score.findings().stream().map(Finding::code).toList();
    }

    Finding finding(CaseScore score, String code) {
        return score.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    /** Closes the case through the usual steps after the decision. */
    void deliverPayClose(ProcessInstance c) {
        deliver(c, "2026-03-10");
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        payAndClose(c, "2026-03-20");
    }

}
