package org.sunlight.coercion;

import java.util.HashMap;
import java.util.Map;

/** Standard data of coercion cases of a construction commission, step by step, for the process tests. */
public final class CoercionCase {

    static final String COMPANY = "沈阳某某建设工程有限公司";
    static final String COMPANY_CODE = "91210100MA0Y6XQ12A";
    static final String ZHANGSAN_CREDENTIAL = "21010020230001";
    static final String LISI_CREDENTIAL = "21010020230002";

    private CoercionCase() {
    }

    public static Map<String, Object> measureRequest(String type, String urgency) {
        Map<String, Object> v = new HashMap<>();
        v.put("measureType", type);
        v.put("urgency", urgency);
        v.put("emergencyReason", "emergency".equals(urgency) ? "当事人正在转移涉案建筑材料，不立即扣押将无法查清" : "");
        v.put("partyType", "organization");
        v.put("partyName", COMPANY);
        v.put("partyIdNumber", COMPANY_CODE);
        v.put("partyAddress", "沈阳市和平区南京北街1号");
        v.put("measureGrounds", "在建工程使用的钢筋涉嫌不合格，需封存待检");
        v.put("legalBasis", "《建设工程质量管理条例》第四十八条");
        v.put("propertyList", "HRB400 钢筋 12 吨（堆放于3号楼北侧）");
        v.put("majorPublicInterest", false);
        v.put("majorSocialImpact", false);
        v.put("majorThirdPartyRights", false);
        v.put("complexCase", false);
        v.put("containsSecrets", false);
        return v;
    }

    public static Map<String, Object> approval(String decision) {
        return Map.of("approvalDecision", decision, "approvalOpinion", "approve".equals(decision) ? "同意实施" : "不应采取，立即解除");
    }

    public static Map<String, Object> onSite(String actionAt) {
        Map<String, Object> v = new HashMap<>();
        v.put("officer1Credential", ZHANGSAN_CREDENTIAL);
        v.put("officer2Credential", LISI_CREDENTIAL);
        v.put("actionAt", actionAt);
        v.put("credentialsShown", true);
        v.put("partyNotified", true);
        v.put("reasonsAndRightsTold", true);
        v.put("statementHeard", true);
        v.put("statementSummary", "当事人称钢筋已送检");
        v.put("onSiteRecordNo", "现场笔录〔2026〕5号");
        v.put("partyPresence", "present");
        v.put("partySignature", "signed");
        v.put("decisionDocumentNo", "市建强扣〔2026〕5号");
        v.put("propertyList", "HRB400 钢筋 12 吨（堆放于3号楼北侧）");
        v.put("caseRelatedOnly", true);
        v.put("noLivingNecessities", true);
        v.put("notSealedElsewhere", true);
        v.put("listDelivered", true);
        v.put("measureDays", 30);
        return v;
    }

    static Map<String, Object> release() {
        return Map.of("releaseDocumentNo", "市建强解〔2026〕5号", "releasedAt", "2026-03-02T10:00", "propertyReturned", true,
                "returnReceiptNo", "退还清单〔2026〕5号");
    }

    static Map<String, Object> review(String conclusion) {
        return Map.ofEntries(
                Map.entry("checkSubject", "ok"), Map.entry("checkQualification", "ok"),
                Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "approved".equals(conclusion) ? "ok" : "problem"),
                Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"), Map.entry("checkCriminal", "ok"),
                Map.entry("reviewOpinion", "approved".equals(conclusion) ? "符合法定条件和程序，同意。" : "依据不充分，请补正。"),
                Map.entry("reviewConclusion", conclusion));
    }

    // ---------------------------------------------------------------- coercive-execution

    public static Map<String, Object> executionRequest(double principal, double surcharge) {
        Map<String, Object> v = new HashMap<>();
        v.put("executionBasis", "penalty");
        v.put("decisionDocumentNo", "市建罚决〔2025〕88号");
        v.put("partyType", "organization");
        v.put("partyName", COMPANY);
        v.put("partyIdNumber", COMPANY_CODE);
        v.put("partyAddress", "沈阳市和平区南京北街1号");
        v.put("obligation", "缴纳罚款人民币50000元");
        v.put("principal", principal);
        v.put("surcharge", surcharge);
        return v;
    }

    public static Map<String, Object> demand(String type, String basisDelivered, String served, String deadline) {
        Map<String, Object> v = new HashMap<>();
        v.put("obligationType", type);
        v.put("basisDeliveredDate", basisDelivered);
        v.put("demandDocumentNo", "市建强催〔2026〕3号");
        v.put("performanceDeadline", deadline);
        v.put("performanceMethod", "payment".equals(type) ? "缴入指定银行账户" : "自行拆除违法建设并清运");
        v.put("paymentMethod", "payment".equals(type) ? "通过非税收入缴款系统缴纳" : "");
        v.put("statementRightsNotified", true);
        v.put("demandServiceMethod", "direct");
        v.put("demandServedDate", served);
        if ("demolition".equals(type)) {
            v.put("announcementNo", "市建公〔2026〕1号");
            v.put("announcementDate", served);
        }
        return v;
    }

    public static Map<String, Object> proposal(String route) {
        Map<String, Object> v = new HashMap<>();
        v.put("route", route);
        v.put("surcharge", 0);
        v.put("executionReason", "经催告，当事人逾期仍未履行");
        v.put("legalBasis", "《中华人民共和国行政强制法》第三十七条");
        v.put("noJustification", true);
        v.put("majorPublicInterest", false);
        v.put("majorSocialImpact", false);
        v.put("majorThirdPartyRights", false);
        v.put("complexCase", false);
        v.put("containsSecrets", false);
        switch (route) {
            case "direct" -> {
                v.put("enforcementPowerBasis", "《中华人民共和国城乡规划法》第六十八条");
                v.put("executionMethod", "强制拆除违法建设");
            }
            case "substitute" -> {
                v.put("substituteGround", "traffic");
                v.put("performerKind", "third-party");
                v.put("performerName", "沈阳某某清运有限公司");
                v.put("performerNoInterest", true);
                v.put("costBudget", 8000);
            }
            case "court" -> v.put("courtName", "沈阳市和平区人民法院");
            default -> {
                v.put("terminationReason", "subject-lost");
                v.put("terminationNote", "执行标的已灭失");
            }
        }
        return v;
    }

    static Map<String, Object> decision(String documentNo) {
        Map<String, Object> v = new HashMap<>();
        v.put("executionDecision", "approve");
        v.put("decisionOpinion", "同意");
        v.put("decisionDocumentNo", documentNo);
        return v;
    }

    static Map<String, Object> onSiteExecution(String start, String end) {
        Map<String, Object> v = new HashMap<>();
        v.put("officer1Credential", ZHANGSAN_CREDENTIAL);
        v.put("officer2Credential", LISI_CREDENTIAL);
        v.put("credentialsShown", true);
        v.put("executionStartedAt", start);
        v.put("executionEndedAt", end);
        v.put("emergency", false);
        v.put("noUtilityCutoff", true);
        v.put("executionRecordNo", "执行笔录〔2026〕2号");
        v.put("executionResult", "执行完毕");
        return v;
    }
}
