package org.sunlight.penalty;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sunlight.ProcessTest;

/** Standard data of a construction-market penalty case, step by step, for the process tests. */
final class PenaltyCase {

    static final String COMPANY = "沈阳某某建设工程有限公司";
    static final String COMPANY_CODE = "91210100MA0Y6XQ12A";
    static final String ZHANGSAN_CREDENTIAL = "21010020230001";
    static final String LISI_CREDENTIAL = "21010020230002";
    static final String ZHENGSHI_EXPIRED_CREDENTIAL = "21010020200005";
    /** Valid, but of the quality-supervision station (zhijian), not the case's department. */
    static final String WUJIU_OTHER_DEPARTMENT_CREDENTIAL = "21010020230004";
    /** Valid, held by the leader (委领导), who decides the case and is not among its officers. */
    static final String ZHAOLIU_LEADER_CREDENTIAL = "21010020230006";

    private PenaltyCase() {
    }

    static Map<String, Object> registration() {
        return Map.of(
                "caseSource", "inspection",
                "partyType", "organization",
                "partyName", COMPANY,
                "partyIdNumber", COMPANY_CODE,
                "partyAddress", "沈阳市和平区南京北街1号",
                "partyPhone", "024-23456789",
                "violationCode", "quality-59",
                "violationDate", "2026-02-10",
                "discoveredDate", "2026-02-27",
                "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案");
    }

    static Map<String, Object> filing() {
        return Map.of("filingDecision", "file", "lifeSafetyHarm", false, "filingOpinion", "");
    }

    static Map<String, Object> investigation() {
        return Map.of("officer1Credential", ZHANGSAN_CREDENTIAL, "officer2Credential", LISI_CREDENTIAL,
                "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号", "inspectionRecordNo", "",
                "evidenceSummary", "询问笔录1份；现场照片6张；档案馆证明1份");
    }

    /** A report for quality-59 (10,000–100,000 yuan); lenient tier (10,000–37,000) when rectified, no harm. */
    static Map<String, Object> report(String consequence, boolean rectified, boolean serious, boolean complex) {
        return Map.ofEntries(
                Map.entry("factsFound", "当事人作为建设单位，工程竣工验收后未按规定移交建设项目档案"),
                Map.entry("violationCode", "quality-59"),
                Map.entry("consequence", consequence),
                Map.entry("rectified", rectified),
                Map.entry("repeatOffense", false),
                Map.entry("majorPublicInterest", false),
                Map.entry("majorSocialImpact", false),
                Map.entry("majorThirdPartyRights", false),
                Map.entry("complexCase", complex),
                Map.entry("seriousCase", serious));
    }

    static Map<String, Object> proposal(double fine) {
        return Map.of("penaltyKind", "fine", "fineAmount", fine, "otherMeasures", "责令限期移交档案",
                "deviationReason", "");
    }

    static Map<String, Object> notice(String deliveredOn) {
        return Map.of("noticeDocumentNo", "市建罚告〔2026〕7号", "noticeDeliveryMethod", "direct",
                "noticeDeliveredDate", deliveredOn);
    }

    static Map<String, Object> decision(double fine) {
        return Map.of("decision", "penalty", "finalPenaltyKind", "fine", "finalFine", fine,
                "decisionDocumentNo", "市建罚决〔2026〕7号", "decisionOpinion", "同意");
    }

    static Map<String, Object> delivery(String deliveredOn) {
        return Map.of("deliveryMethod", "direct", "deliveredDate", deliveredOn, "deliveryReceiptNo", "送达〔2026〕7号");
    }

    static Map<String, Object> review(String conclusion) {
        return Map.ofEntries(
                Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "approved".equals(conclusion) ? "ok" : "problem"),
                Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                Map.entry("reviewOpinion", "approved".equals(conclusion) ? "事实清楚，证据充分，同意。" : "裁量基准适用不当，请补正。"),
                Map.entry("reviewConclusion", conclusion));
    }

    /** Drives a new case from registration through the proposal, as zhangsan (handler) and zhaoliu (leader). */
    static ProcessInstance untilPriorNotice(ProcessTest d, double fine, String consequence, boolean serious,
                                            boolean complex) {
        ProcessInstance c = d.start("zhangsan", "penalty-general", registration());
        d.submit("zhaoliu", c, "Task_FilingApproval", filing());
        d.submit("zhangsan", c, "Task_Investigation", investigation());
        d.submit("zhangsan", c, "Task_InvestigationReport", report(consequence, true, serious, complex));
        d.submit("zhangsan", c, "Task_ProposePenalty", proposal(fine));
        return c;
    }
}
