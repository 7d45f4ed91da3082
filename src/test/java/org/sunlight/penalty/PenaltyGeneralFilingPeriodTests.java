package org.sunlight.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.sunlight.penalty.PenaltyCase.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.RuleViolation;

/**
 * 立案审批's period (RULES 2.4): the lead is checked within 15 days of discovery, extended once by 10 days with the
 * leader's approval (住房和城乡建设行政处罚程序规定第十五条); a boundary timer records a missed period. The case was
 * discovered on Friday 2026-02-27 (PenaltyCase.registration); the clock starts on Monday 2026-03-02.
 */
class PenaltyGeneralFilingPeriodTests extends ProcessTest {

    /** 15 days from 2026-02-27 end on Saturday 2026-03-14, moved to Monday 2026-03-16. */
    private static final Date DUE = endOf(LocalDate.of(2026, 3, 16));
    /** 25 days from 2026-02-27: Tuesday 2026-03-24. */
    private static final Date EXTENDED_DUE = endOf(LocalDate.of(2026, 3, 24));

    private static Map<String, Object> extension(String reason) {
        return Map.of("filingDecision", "extend", "filingExtensionReason", reason, "lifeSafetyHarm", false,
                "filingOpinion", "");
    }

    @Test
    void theTimerFallsDueFifteenCalendarDaysAfterDiscoveryAndRecordsTheLatenessWithoutEndingTheTask() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        String taskId = task(c, "Task_FilingApproval").getId();
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(DUE);
        assertThat(variable(c, "filingLate")).isNull();

        fireTimer(c, "Event_FilingOverdue", DUE);

        assertThat(variable(c, "filingLate")).isEqualTo(true);
        assertThat(c).hasPassed("EndEvent_FilingLate").isWaitingAt("Task_FilingApproval");
        assertThat(task(c, "Task_FilingApproval").getId()).as("the leader keeps the same task").isEqualTo(taskId);
        assertThat(taskService.createTaskQuery().processInstanceId(c.getId()).count()).isEqualTo(1);

        submit("zhaoliu", c, "Task_FilingApproval", filing());
        assertThat(c).isWaitingAt("Task_Investigation");
    }

    @Test
    void theLeaderExtendsOnceAndTheTaskAndItsTimerMoveToTwentyFiveDaysAfterDiscovery() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        assertThat(timer(c, "Event_FilingOverdue").getDuedate()).isEqualTo(DUE);

        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_FilingApproval", extension("")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("延长核查期限的理由");

        submit("zhaoliu", c, "Task_FilingApproval", extension("需向规划部门核实建设工程规划许可情况"));

        assertThat(c).isWaitingAt("Task_FilingApproval").variables()
                .containsEntry("filingExtended", true).containsEntry("filingExtendedBy", "zhaoliu")
                .containsEntry("filingExtensionReason", "需向规划部门核实建设工程规划许可情况")
                .doesNotContainKey("filingLate");
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(EXTENDED_DUE);
        // the old timer went with the old task; the new one is due on the extended date
        fireTimer(c, "Event_FilingOverdue", EXTENDED_DUE);
        assertThat(variable(c, "filingLate")).isEqualTo(true);

        submit("zhaoliu", c, "Task_FilingApproval", filing());
        assertThat(c).isWaitingAt("Task_Investigation");
    }

    @Test
    void aSecondExtensionIsRefusedAndChangesNothing() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        submit("zhaoliu", c, "Task_FilingApproval", extension("需现场复核"));
        String taskId = task(c, "Task_FilingApproval").getId();
        String jobId = timer(c, "Event_FilingOverdue").getId();

        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_FilingApproval", extension("仍需核实")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能延长一次")
                .hasMessageContaining("第十五条").hasMessageContaining("only once");

        assertThat(task(c, "Task_FilingApproval").getId()).isEqualTo(taskId);
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(EXTENDED_DUE);
        assertThat(timer(c, "Event_FilingOverdue").getId()).isEqualTo(jobId);
        assertThat(timer(c, "Event_FilingOverdue").getDuedate()).isEqualTo(EXTENDED_DUE);
        assertThat(variable(c, "filingExtensionReason")).isEqualTo("需现场复核");
    }

    @Test
    void anExtensionAskedOnceTheFifteenDaysRanOutIsRefusedAndTheLatenessStays() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        String taskId = task(c, "Task_FilingApproval").getId();
        fireTimer(c, "Event_FilingOverdue", DUE); // the clock now stands one second after the period

        assertThatThrownBy(() -> submit("zhaoliu", c, "Task_FilingApproval", extension("需现场复核")))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("已于2026-03-16届满")
                .hasMessageContaining("第十五条").hasMessageContaining("can no longer be extended");

        assertThat(task(c, "Task_FilingApproval").getId()).isEqualTo(taskId);
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(DUE);
        assertThat(c).variables().containsEntry("filingLate", true).doesNotContainKeys("filingExtended",
                "filingExtensionReason");
        submit("zhaoliu", c, "Task_FilingApproval", filing());
        assertThat(c).isWaitingAt("Task_Investigation");
    }

    @Test
    void anExtensionOnTheLastDayOfThePeriodIsGranted() {
        ProcessInstance c = start("zhangsan", "penalty-general", registration());
        at(LocalDate.of(2026, 3, 16).atTime(17, 0));
        submit("zhaoliu", c, "Task_FilingApproval", extension("需向规划部门核实"));
        assertThat(task(c, "Task_FilingApproval").getDueDate()).isEqualTo(EXTENDED_DUE);
    }

    @Test
    void fileAndRejectWorkAsBeforeAndTakeTheTimerWithTheTask() {
        ProcessInstance filed = start("zhangsan", "penalty-general", registration());
        assertThat(timer(filed, "Event_FilingOverdue").getDuedate()).isEqualTo(DUE);
        submit("zhaoliu", filed, "Task_FilingApproval", filing());
        assertThat(filed).isWaitingAt("Task_Investigation").variables()
                .doesNotContainKeys("filingExtended", "filingLate");
        assertThat(managementService.createJobQuery().processInstanceId(filed.getId())
                .activityId("Event_FilingOverdue").count()).isZero();

        ProcessInstance rejected = start("zhangsan", "penalty-general", registration());
        assertThat(timer(rejected, "Event_FilingOverdue").getDuedate()).isEqualTo(DUE);
        submit("zhaoliu", rejected, "Task_FilingApproval",
                Map.of("filingDecision", "reject", "lifeSafetyHarm", false, "filingOpinion", "不属于本机关管辖"));
        assertThat(rejected).isEnded().hasPassed("EndEvent_NotFiled").hasNotPassed("EndEvent_FilingLate");
    }
}
