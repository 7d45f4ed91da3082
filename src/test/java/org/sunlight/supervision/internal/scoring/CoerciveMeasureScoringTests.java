package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * 案卷评查 of coercive-measure (查封、扣押) on generated history. Its own items: the leader's approval before the measure
 * (行政强制法第18条第1项) or, in an emergency, a report within 24 hours and approval afterwards (第19条). The clock starts on Monday 2026-03-02 09:00.
 */
class CoerciveMeasureScoringTests extends ScoringProcessTest {

    static Map<String, Object> request(String urgency) {
        Map<String, Object> v = new HashMap<>();
        v.put("measureType", "seizure");
        v.put("urgency", urgency);
        v.put("emergencyReason", "emergency".equals(urgency) ? "当事人正在转移涉案建筑材料，不立即扣押将无法查清" : "");
        v.put("partyType", "organization");
        v.put("partyName", "沈阳某某建设工程有限公司");
        v.put("partyIdNumber", "91210100MA0Y6XQ12A");
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

    static Map<String, Object> onSite(String actionAt) {
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
        v.put("listDelivered", true);
        v.put("measureDays", 30);
        return v;
    }

    void seize(ProcessInstance c, String actionAt) {
        attachVideo("zhangsan", c, "Task_OnSiteSeizure");
        submit("zhangsan", c, "Task_OnSiteSeizure", onSite(actionAt));
    }

    void approve(ProcessInstance c) {
        submit("zhaoliu", c, "Task_LeaderApproval", Map.of("approvalDecision", "approve", "approvalOpinion", "同意实施"));
    }

    /** The grounds end on 2026-03-12: the measure is released and the property returned that day. */
    void release(ProcessInstance c) {
        at(LocalDateTime.of(2026, 3, 12, 9, 0));
        submit("zhangsan", c, "Task_MeasureHandling", Map.of("handlingAction", "release", "releaseReason", "no-violation"));
        submit("zhangsan", c, "Task_Release", Map.of("releaseDocumentNo", "市建强解〔2026〕5号",
                "releasedAt", "2026-03-12T09:00", "propertyReturned", true, "returnReceiptNo", "退还清单1号"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
    }

    @Test
    void aCleanSeizureApprovedFirstScoresFullMarks() {
        ProcessInstance c = start("zhangsan", "coercive-measure", request("approval"));
        approve(c);
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        seize(c, "2026-03-02T09:30");
        release(c);
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoWhenTheMeasureWasTakenWithoutTheLeadersApproval() {
        ProcessInstance c = start("zhangsan", "coercive-measure", request("approval"));
        // the approval is skipped by an administrator who records an approval time and moves the token on
        runtimeService.setVariable(c.getId(), "approvedAt", instant(LocalDateTime.of(2026, 3, 2, 9, 0)));
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_LeaderApproval")
                .startBeforeActivity("Task_OnSiteSeizure").execute();
        at(LocalDateTime.of(2026, 3, 2, 10, 0));
        seize(c, "2026-03-02T09:30");
        release(c);
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-APPROVAL");
        assertThat(score.score()).isZero();
        assertThat(score.passed()).isFalse();
        Finding finding = finding(score, "V-APPROVAL");
        assertThat(finding.basis()).contains("第18条第1项");
        assertThat(finding.fact()).containsEntry("approvalMissing", true);
        assertThat(finding.proofs()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Task_OnSiteSeizure");
            assertThat(p.recordSeq()).isNotNull();
        }).noneSatisfy(p -> assertThat(p.value()).isEqualTo("Task_LeaderApproval"));
    }

    @Test
    void anEmergencyMeasureNotReportedWithin24HoursDeducts() {
        ProcessInstance c = start("zhangsan", "coercive-measure", request("emergency"));
        seize(c, "2026-03-02T08:30");
        fireTimer(c, "Event_ReportOverdue", instant(LocalDateTime.of(2026, 3, 3, 8, 30)));
        at(LocalDateTime.of(2026, 3, 3, 9, 0));
        approve(c);
        release(c);
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(score.score()).isEqualTo(90);
        Finding late = finding(score, "D-LATE-STEPS");
        assertThat(late.basis()).contains("第19条");
        assertThat(late.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Event_ReportOverdue");
        });
    }
}
