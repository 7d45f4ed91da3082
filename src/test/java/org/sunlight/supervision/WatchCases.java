package org.sunlight.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sunlight.ProcessTest;

/** Cases for the deadline watch, driven through their real procedures. */
final class WatchCases {

    private WatchCases() {
    }

    static Map<String, Object> penaltyRegistration(String party) {
        return Map.of("caseSource", "inspection", "partyType", "organization", "partyName", party,
                "partyIdNumber", "91210100MA0Y6XQ12A", "partyAddress", "沈阳市和平区南京北街1号",
                "partyPhone", "024-23456789", "violationCode", "quality-59", "violationDate", "2026-02-10",
                "discoveredDate", "2026-02-27", "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案");
    }

    /** A general penalty case of zhangsan (执法支队), filed now: its 90 days (第六十条) start. */
    static ProcessInstance filedPenalty(ProcessTest t, String party) {
        ProcessInstance c = t.start("zhangsan", "penalty-general", penaltyRegistration(party));
        t.submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
        return c;
    }

    /** A licensing case accepted now whose decision clock stands still for an expert review (第四十五条). */
    static ProcessInstance licensingInExpertReview(ProcessTest t, String received) {
        Map<String, Object> application = new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某运输有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"),
                Map.entry("submittedMaterials", List.of("applicationForm", "other")),
                Map.entry("materialsNote", "运输车辆清单、处置场所证明"), Map.entry("receivedDate", received)));
        ProcessInstance c = t.start("zhangsan", "licensing", application);
        t.submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept",
                "acceptanceNoticeNo", "市建许受〔2026〕11号"));
        Map<String, Object> expert = new HashMap<>(Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "verificationNote", "材料齐全，现场核查符合条件",
                "reviewStep", "specialProcedure", "specialProcedureKind", "expertReview",
                "specialProcedureTime", "约5个工作日", "timeExclusionNoticeNo", "市建许期〔2026〕1号"));
        t.submit("zhangsan", c, "Task_SubstantiveReview", expert);
        return c;
    }
}
