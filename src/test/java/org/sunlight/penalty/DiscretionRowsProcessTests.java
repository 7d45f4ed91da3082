package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * Cases filed under violations the discretion benchmark did not know before (RULES §7, rules-audit item 1): they reach
 * the leader's decision with a range computed from the base the law names, and a missing base or condition stops the
 * investigation report instead of giving a range.
 */
class DiscretionRowsProcessTests extends ProcessTest {

    private ProcessInstance filedAndInvestigated(String violationCode) {
        Map<String, Object> registration = new HashMap<>(registration());
        registration.put("violationCode", violationCode);
        registration.put("caseSummary", "施工单位挪用列入工程概算的安全防护、文明施工措施费用");
        ProcessInstance c = start("zhangsan", "penalty-general", registration);
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        submit("zhangsan", c, "Task_Investigation", investigation());
        return c;
    }

    private static Map<String, Object> report(String violationCode, Map<String, Object> extra) {
        Map<String, Object> report = new HashMap<>(PenaltyCase.report("none", true, false, false));
        report.put("violationCode", violationCode);
        report.put("factsFound", "当事人作为施工单位，挪用安全生产作业环境及安全施工措施费用");
        report.putAll(extra);
        return report;
    }

    /** 安全条例第63条: 20%–50% of the misused amount; lenient 20%–29% of 150,000 yuan = 30,000–43,500. */
    @Test
    void aCaseOfMisusedSafetyFundsReachesTheLeadersDecision() {
        ProcessInstance c = filedAndInvestigated("safety-63");
        // without the misused amount there is no range: the report is refused, nothing moves on
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport",
                report("safety-63", Map.of("contractPrice", 10_000_000))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有适用的规则");
        assertThat(c).isWaitingAt("Task_InvestigationReport");

        submit("zhangsan", c, "Task_InvestigationReport", report("safety-63", Map.of("misusedAmount", 150_000)));
        assertThat(c).variables().containsEntry("tier", "lenient").containsEntry("minRate", 0.2)
                .containsEntry("maxRate", 0.29).containsEntry("violationName", "施工单位挪用安全生产作业环境及安全施工措施费用");
        assertThat((Double) variable(c, "minFine")).isCloseTo(30_000, within(0.005));
        assertThat((Double) variable(c, "maxFine")).isCloseTo(43_500, within(0.005));
        assertThat((Double) variable(c, "legalMinFine")).isCloseTo(30_000, within(0.005));
        assertThat((Double) variable(c, "legalMaxFine")).isCloseTo(75_000, within(0.005));
        assertThat((String) variable(c, "legalBasis")).startsWith("《建设工程安全生产管理条例》第63条").contains("挪用费用20%以上50%以下");

        // above the statutory maximum (50 % of the misused amount) is refused as for every violation
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal(80_000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("法定最高罚款75000元");
        submit("zhangsan", c, "Task_ProposePenalty", proposal(40_000));
        assertThat(c).isWaitingAt("Task_PriorNotice").variables().containsEntry("outsideBenchmark", false);
        submit("zhangsan", c, "Task_PriorNotice", notice("2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        assertThat(c).isWaitingAt("Task_LeaderDecision");

        submit("zhaoliu", c, "Task_LeaderDecision", decision(40_000));
        assertThat(c).isWaitingAt("Task_DeliverDecision").variables().containsEntry("finalFine", 40_000.0)
                .containsEntry("decisionMatter", "施工单位挪用安全生产作业环境及安全施工措施费用");
    }

    /**
     * 安全条例第65条: a fine only where the party did not correct within the period (an empty box is not "overdue"), and
     * then together with 停业整顿 (责令停业整顿，并处罚款), not a fine alone.
     */
    @Test
    void aSafetyFineOnlyAfterTheCorrectionPeriodAndWithSuspension() {
        ProcessInstance c = filedAndInvestigated("safety-65");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport", report("safety-65", Map.of())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有适用的规则");
        assertThatThrownBy(() -> submit("zhangsan", c, "Task_InvestigationReport",
                report("safety-65", Map.of("correctionOverdue", false))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有适用的规则");
        assertThat(c).isWaitingAt("Task_InvestigationReport");

        submit("zhangsan", c, "Task_InvestigationReport", report("safety-65", Map.of("correctionOverdue", true)));
        assertThat(c).isWaitingAt("Task_ProposePenalty").variables().containsEntry("tier", "lenient")
                .containsEntry("minFine", 100_000.0).containsEntry("maxFine", 160_000.0)
                .containsEntry("legalMinFine", 100_000.0).containsEntry("legalMaxFine", 300_000.0);

        assertThatThrownBy(() -> submit("zhangsan", c, "Task_ProposePenalty", proposal(120_000)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("责令停产停业").hasMessageContaining("第六十五条");
        submit("zhangsan", c, "Task_ProposePenalty", Map.of("penaltyKind", "suspension", "fineAmount", 120_000.0,
                "otherMeasures", "责令停业整顿", "deviationReason", ""));
        assertThat(c).isWaitingAt("Task_PriorNotice").variables().containsEntry("outsideBenchmark", false)
                .containsEntry("hearingRight", true);
    }
}
