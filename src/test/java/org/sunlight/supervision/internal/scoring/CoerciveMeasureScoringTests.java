package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.coercion.CoercionCase;

/**
 * 案卷评查 of coercive-measure (查封、扣押) on generated history. Its own items: the leader's approval before the measure
 * (行政强制法第18条第1项) or, in an emergency, a report within 24 hours and approval afterwards (第19条). The clock starts on Monday 2026-03-02 09:00.
 */
class CoerciveMeasureScoringTests extends ScoringProcessTest {

    void seize(ProcessInstance c, String actionAt) {
        attachVideo("zhangsan", c, "Task_OnSiteSeizure");
        submit("zhangsan", c, "Task_OnSiteSeizure", CoercionCase.onSite(actionAt));
    }

    void approve(ProcessInstance c) {
        submit("zhaoliu", c, "Task_LeaderApproval", CoercionCase.approval("approve"));
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
        ProcessInstance c = start("zhangsan", "coercive-measure", CoercionCase.measureRequest("seizure", "approval"));
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
        ProcessInstance c = start("zhangsan", "coercive-measure", CoercionCase.measureRequest("seizure", "approval"));
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
        ProcessInstance c = start("zhangsan", "coercive-measure", CoercionCase.measureRequest("seizure", "emergency"));
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
