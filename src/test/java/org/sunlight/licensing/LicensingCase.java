package org.sunlight.licensing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Standard data of a licensing case, step by step, for the process tests. */
final class LicensingCase {

    static final String DEVELOPER = "沈阳某某房地产开发有限公司";
    static final String DEVELOPER_CODE = "91210100MA0Y6XQ12A";
    static final String ZHANGSAN_CREDENTIAL = "21010020230001";
    static final String LISI_CREDENTIAL = "21010020230002";
    static final List<String> PERMIT_MATERIALS = List.of("applicationForm", "landUse", "planningPermit", "contractor",
            "fundsAndDrawings", "qualitySafety");

    private LicensingCase() {
    }

    static String projectCode() {
        return String.format("2026-210102-47-01-%06d", System.nanoTime() % 1_000_000);
    }

    /** A construction permit application received on the given day. */
    static Map<String, Object> permitApplication(String projectCode, double investment, double floorArea, String received) {
        return new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "construction-permit"), Map.entry("partyType", "organization"),
                Map.entry("partyName", DEVELOPER), Map.entry("partyIdNumber", DEVELOPER_CODE),
                Map.entry("partyAddress", "沈阳市沈河区青年大街1号"), Map.entry("projectCode", projectCode),
                Map.entry("projectName", "某某花园二期"), Map.entry("investment", investment), Map.entry("floorArea", floorArea),
                Map.entry("submittedMaterials", PERMIT_MATERIALS), Map.entry("receivedDate", received)));
    }

    /** An application for a licensing matter under the general periods of 行政许可法第四十二条. */
    static Map<String, Object> generalApplication(String received) {
        return new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某运输有限公司"), Map.entry("partyIdNumber", DEVELOPER_CODE),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"), Map.entry("submittedMaterials", List.of("applicationForm", "other")),
                Map.entry("materialsNote", "运输车辆清单、处置场所证明"), Map.entry("receivedDate", received)));
    }

    static Map<String, Object> accept() {
        return Map.of("acceptanceDecision", "accept", "acceptanceNoticeNo", "市建许受〔2026〕11号");
    }

    static Map<String, Object> review(String step) {
        return new HashMap<>(Map.of("officer1Credential", ZHANGSAN_CREDENTIAL, "officer2Credential", LISI_CREDENTIAL,
                "verificationNote", "材料齐全，现场核查符合条件（核查笔录〔2026〕3号）", "reviewStep", step));
    }

    static Map<String, Object> reviewDone(boolean interestedParties, boolean hearingRight, boolean hearingByLaw) {
        Map<String, Object> values = review("proceed");
        values.put("interestedParties", interestedParties);
        values.put("hearingRight", hearingRight);
        values.put("hearingByLaw", hearingByLaw);
        if (hearingByLaw) {
            values.put("hearingByLawBasis", "《某市建筑垃圾管理条例》第十二条：处置场所设置应当听证");
        }
        return values;
    }

    static Map<String, Object> opinion(String outcome) {
        Map<String, Object> values = new HashMap<>(Map.of("proposedOutcome", outcome, "reviewFindings",
                "grant".equals(outcome) ? "符合建筑法第八条规定的条件" : "未确定建筑施工企业", "majorPublicInterest", false,
                "majorSocialImpact", false, "majorThirdPartyRights", false, "complexCase", false));
        if ("refuse".equals(outcome)) {
            values.put("refusalReasons", "未确定建筑施工企业，不符合建筑法第八条第一款第四项");
        }
        return values;
    }

    static Map<String, Object> grant() {
        return new HashMap<>(Map.of("licensingDecision", "grant", "decisionDocumentNo", "市建许〔2026〕21号",
                "legalBasis", "《中华人民共和国建筑法》第八条", "decisionOpinion", "同意核发", "containsSecrets", false));
    }

    static Map<String, Object> refuse(String remedies) {
        return new HashMap<>(Map.of("licensingDecision", "refuse", "decisionDocumentNo", "市建许不〔2026〕2号",
                "legalBasis", "《中华人民共和国建筑法》第八条", "refusalReasons", "未确定建筑施工企业",
                "remedies", remedies, "decisionOpinion", "不予许可", "containsSecrets", false));
    }

    static Map<String, Object> certificate(String issued) {
        return Map.of("certificateNo", "210102202603030101", "deliveryMethod", "direct", "certificateIssuedDate", issued,
                "deliveryReceiptNo", "送达〔2026〕31号");
    }

    static Map<String, Object> legalReview(String conclusion) {
        return Map.ofEntries(Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "rejected".equals(conclusion) ? "problem" : "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "rejected".equals(conclusion) ? "听证意见未回应" : "同意"),
                Map.entry("reviewConclusion", conclusion));
    }
}
