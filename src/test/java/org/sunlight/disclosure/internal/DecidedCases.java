package org.sunlight.disclosure.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sunlight.ProcessTest;

/** Penalty cases driven to their decision as the demo users do in Tasklist, for the publicity tests. */
final class DecidedCases {

    static final String COMPANY = "沈阳某某建设工程有限公司";
    static final String COMPANY_CODE = "91210100MA0Y6XQ12A";

    private DecidedCases() {
    }

    /** A general-procedure case decided by zhaoliu with a fine of 30,000 yuan on the day the party waived (Monday 2026-03-02). */
    static ProcessInstance generalDecided(ProcessTest t, Map<String, Object> decisionOverrides) {
        ProcessInstance c = t.start("zhangsan", "penalty-general", Map.of(
                "caseSource", "inspection", "partyType", "organization", "partyName", COMPANY,
                "partyIdNumber", COMPANY_CODE, "partyAddress", "沈阳市和平区南京北街1号", "partyPhone", "024-23456789",
                "violationCode", "quality-59", "violationDate", "2026-02-10", "discoveredDate", "2026-02-27",
                "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案"));
        t.submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
        t.submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份；现场照片6张"));
        t.submit("zhangsan", c, "Task_InvestigationReport", Map.ofEntries(
                Map.entry("factsFound", "当事人作为建设单位，工程竣工验收后未按规定移交建设项目档案"),
                Map.entry("violationCode", "quality-59"), Map.entry("consequence", "none"),
                Map.entry("rectified", true), Map.entry("repeatOffense", false),
                Map.entry("majorPublicInterest", false), Map.entry("majorSocialImpact", false),
                Map.entry("majorThirdPartyRights", false), Map.entry("complexCase", false),
                Map.entry("seriousCase", false)));
        t.submit("zhangsan", c, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 30000,
                "otherMeasures", "责令限期移交档案", "deviationReason", ""));
        t.submit("zhangsan", c, "Task_PriorNotice", Map.of("noticeDocumentNo", "市建罚告〔2026〕7号",
                "noticeDeliveryMethod", "direct", "noticeDeliveredDate", "2026-03-02"));
        t.submit("zhangsan", c, "Task_PartyResponse", Map.of("responseType", "waiver",
                "responseReceivedDate", "2026-03-02", "waiverDocumentNo", "放弃声明〔2026〕2号"));
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 30000, "decisionDocumentNo", "市建罚决〔2026〕7号", "decisionOpinion", "同意"));
        decision.putAll(decisionOverrides);
        t.submit("zhaoliu", c, "Task_LeaderDecision", decision);
        return c;
    }

    /** An on-the-spot penalty (当场处罚) of an individual, whose case summary names other people. */
    static ProcessInstance onSpotDecided(ProcessTest t, String partyName, boolean minor, String caseSummary) {
        return onSpotDecided(t, partyName, minor ? "210103201005060016" : "210102198707120051", minor, caseSummary);
    }

    static ProcessInstance onSpotDecided(ProcessTest t, String partyName, String idNumber, boolean minor, String caseSummary) {
        return onSpotDecided(t, partyName, idNumber, minor, caseSummary, Map.of());
    }

    /** The same, with more start-form fields (partyAddress, partyPhone). */
    static ProcessInstance onSpotDecided(ProcessTest t, String partyName, String idNumber, boolean minor, String caseSummary,
                                         Map<String, Object> more) {
        Map<String, Object> start = new HashMap<>(Map.of(
                "partyType", "individual", "partyName", partyName, "partyIdNumber", idNumber,
                "caseSummary", caseSummary, "legalBasisText", "《建设工程安全生产管理条例》第六十四条",
                "violationDate", "2026-03-02", "place", "和平区某工地", "penaltyKind", "fine", "fineAmount", 100,
                "factsConclusive", true));
        start.put("partyIsMinor", minor);
        start.putAll(more);
        ProcessInstance c = t.start("zhangsan", "penalty-summary", start);
        Map<String, Object> decision = new HashMap<>(Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "statementHeard", true,
                "decisionDocumentNo", "当场〔2026〕0009", "partySigned", "signed", "onSpotCollected", false,
                "fiscalReceiptNo", ""));
        if (org.sunlight.procedure.PartyChecks.minorOn(idNumber, java.time.LocalDate.of(2026, 3, 2))) {
            // 行政处罚法第三十条: a party under 18 at the violation is punished more lightly, and the decision says how
            decision.put("minorMitigation", "当事人违法时未满十八周岁，依法从轻处罚");
        }
        t.submit("zhangsan", c, "Task_OnSpotDecision", decision);
        return c;
    }
}
