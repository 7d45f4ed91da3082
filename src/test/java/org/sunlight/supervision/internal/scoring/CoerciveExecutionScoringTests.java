package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.coercion.CoercionCase;

/**
 * 案卷评查 of coercive-execution (行政强制执行) on generated history, on the court route. Its own items: a written demand
 * before the execution decision (行政强制法第35条、第37条) and the application to the court within three months of the
 * appeal periods (第53条). The clock starts on Monday 2026-03-02 09:00.
 */
class CoerciveExecutionScoringTests extends ScoringProcessTest {

    void decide(ProcessInstance c, String documentNo) {
        submit("zhaoliu", c, "Task_ExecutionDecision", Map.of("executionDecision", "approve", "decisionOpinion", "同意",
                "decisionDocumentNo", documentNo, "leaderSigned", true));
    }

    /** Demand served 2026-03-02, performance due 2026-03-09 and not met; the court route is decided. */
    ProcessInstance decidedForTheCourt(String basisDelivered) {
        ProcessInstance c = start("zhangsan", "coercive-execution", CoercionCase.executionRequest(50000, 0));
        submit("zhangsan", c, "Task_Demand", CoercionCase.demand("payment", basisDelivered, "2026-03-02", "2026-03-09"));
        fireTimer(c, "Event_DemandExpired", endOf(LocalDate.of(2026, 3, 9)));
        submit("zhangsan", c, "Task_ExecutionProposal", CoercionCase.proposal("court"));
        decide(c, "市建强申〔2026〕1号");
        return c;
    }

    @Test
    void aCleanCourtApplicationScoresFullMarks() {
        // basis served 2025-08-04: the court may be asked from 2026-03-16 (10 working days after the demand)
        ProcessInstance c = decidedForTheCourt("2025-08-04");
        fireTimer(c, "Event_CourtWindowOpens", endOf(LocalDate.of(2026, 3, 16)));
        at(LocalDateTime.of(2026, 3, 17, 10, 0));
        submit("zhangsan", c, "Task_CourtApplication", Map.of("noAppealFiled", true, "courtName", "沈阳市和平区人民法院",
                "appliedDate", "2026-03-17", "courtMaterials", List.of("application", "decision", "opinions", "subject")));
        assertThat(c).isNotNull();
        CaseScore score = score(c);
        assertThat(score.findings()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.passed()).isTrue();
    }

    @Test
    void vetoWhenExecutionWasDecidedWithoutAWrittenDemand() {
        ProcessInstance c = start("zhangsan", "coercive-execution", CoercionCase.executionRequest(50000, 0));
        // the demand is skipped by an administrator (Cockpit modification)
        runtimeService.setVariable(c.getId(), "obligationType", "payment");
        runtimeService.createProcessInstanceModification(c.getId()).cancelAllForActivity("Task_Demand")
                .startBeforeActivity("Task_ExecutionProposal").execute();
        submit("zhangsan", c, "Task_ExecutionProposal", CoercionCase.proposal("terminate"));
        decide(c, "市建强终〔2026〕1号");
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("V-NO-DEMAND");
        assertThat(score.score()).isZero();
        Finding finding = finding(score, "V-NO-DEMAND");
        assertThat(finding.basis()).contains("第35条");
        assertThat(finding.fact()).containsEntry("priorNoticeDelivered", false);
        assertThat(finding.proofs()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("demandServedDate");
            assertThat(p.value()).isEqualTo("（无记录）");
        }).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Task_ExecutionDecision");
            assertThat(p.recordSeq()).isNotNull();
        });
    }

    @Test
    void aMissedCourtWindowDeducts() {
        // basis served 2025-10-09: the window opens 2026-04-09 and closes 2026-07-09 (第53条)
        ProcessInstance c = decidedForTheCourt("2025-10-09");
        fireTimer(c, "Event_CourtWindowOpens", endOf(LocalDate.of(2026, 4, 9)));
        fireTimer(c, "Event_CourtWindowCloses", endOf(LocalDate.of(2026, 7, 9)));
        submit("zhaoliu", c, "Task_CourtWindowMissed", Map.of("missedNote", "承办人调离，未及时申请，已责令整改"));
        CaseScore score = score(c);
        assertThat(codes(score)).containsExactly("D-LATE-STEPS");
        assertThat(score.score()).isEqualTo(90);
        Finding late = finding(score, "D-LATE-STEPS");
        assertThat(late.basis()).contains("第53条");
        assertThat(late.proofs()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("activity");
            assertThat(p.value()).isEqualTo("Event_CourtWindowCloses");
            assertThat(p.recordSeq()).isNotNull();
        });
    }
}
