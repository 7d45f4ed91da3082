package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.supervision.internal.watch.DeadlineWatchProbe;
import org.sunlight.supervision.internal.watch.DeadlineWatchProbe.Row;

/**
 * The deadline list on cases driven through their procedures: a penalty case filed on Monday 2026-03-02 (90 days,
 * 行政处罚法第六十条: Sunday 05-31 moves to Monday 06-01; promised 60 days: 05-01 falls in the Labour Day holiday,
 * moves to Wednesday 05-06) and a licensing case whose clock stands still for an expert review (行政许可法第四十五条).
 */
class DeadlineWatchTests extends ProcessTest {

    @Autowired DeadlineWatchProbe watch;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLimitIsNearingWithinTheWarningWindowAndOverdueAfterItsLastDay() {
        ProcessInstance c = WatchCases.filedPenalty(this, "沈阳甲建设有限公司");
        String key = c.getBusinessKey();

        at(LocalDateTime.of(2026, 4, 1, 10, 0));
        assertThat(watch.rows(key)).isEmpty();

        // Thursday 05-28: Friday 05-29 and Monday 06-01 left, within the 3 working days of the warning window
        at(LocalDateTime.of(2026, 5, 28, 10, 0));
        Row statutory = watch.row(key, "statutory", null);
        assertThat(statutory.state()).isEqualTo("nearing");
        assertThat(statutory.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 6, 1)));
        assertThat(statutory.workingDaysLeft()).isEqualTo(2);
        assertThat(statutory.basis()).contains("行政处罚法第六十条");
        Row promised = watch.row(key, "promised", null);
        assertThat(promised.state()).isEqualTo("overdue");
        assertThat(promised.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 5, 6)));
        // the investigation task runs against the same due date
        assertThat(watch.row(key, "task", "调查取证").state()).isEqualTo("nearing");

        // Tuesday 06-02: one working day past
        at(LocalDateTime.of(2026, 6, 2, 10, 0));
        statutory = watch.row(key, "statutory", null);
        assertThat(statutory.state()).isEqualTo("overdue");
        assertThat(statutory.workingDaysLeft()).isEqualTo(-1);

        // filters: the case is zhangsan's, of 执法支队 (zhifa); not lisi's, not 质监站's (zhijian)
        assertThat(watch.rows(key, "zhifa", "zhangsan", "overdue")).isNotEmpty();
        assertThat(watch.rows(key, "zhifa", "zhangsan", "nearing")).isEmpty();
        assertThat(watch.rows(key, "zhijian", null, null)).isEmpty();
        assertThat(watch.rows(key, null, "lisi", null)).isEmpty();
    }

    @Test
    void aPromisedTimeNeverRunsPastTheStatutoryLimit() {
        String project = String.format("2026-210102-47-01-%06d", System.nanoTime() % 1_000_000);
        Map<String, Object> application = new java.util.HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "construction-permit"),
                Map.entry("partyType", "organization"), Map.entry("partyName", "沈阳某某房地产开发有限公司"),
                Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"), Map.entry("partyAddress", "沈阳市沈河区青年大街1号"),
                Map.entry("projectCode", project), Map.entry("projectName", "某某花园三期"), Map.entry("investment", 50_000_000),
                Map.entry("floorArea", 12000), Map.entry("submittedMaterials", List.of("applicationForm", "landUse",
                        "planningPermit", "contractor", "fundsAndDrawings", "qualitySafety")),
                Map.entry("receivedDate", "2026-03-02")));
        ProcessInstance c = start("zhangsan", "licensing", application);
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept", "acceptanceNoticeNo", "市建许受〔2026〕12号"));
        String key = c.getBusinessKey();
        // a construction permit: 7 days from the complete application on Monday 03-02 (建筑法第八条), Monday 03-09; the
        // procedure's promised 10 working days (03-16) cannot promise more than the law allows (优化营商环境条例第三十六条第二款)
        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        assertThat(watch.row(key, "statutory", null).dueAt()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        Row promised = watch.row(key, "promised", null);
        assertThat(promised.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 3, 9)));
        assertThat(promised.state()).isEqualTo("overdue");
    }

    @Test
    void aClockStandingStillIsShownAsSuspendedWithItsPauseNotAsOverdue() {
        ProcessInstance c = WatchCases.licensingInExpertReview(this, "2026-03-02");
        String key = c.getBusinessKey();
        // accepted Monday 03-02: 20 working days end Monday 03-30; the expert review began on 03-02 too
        at(LocalDateTime.of(2026, 4, 15, 10, 0));
        List<Row> rows = watch.rows(key);
        Row statutory = watch.row(key, "statutory", null);
        assertThat(statutory.state()).isEqualTo("suspended");
        assertThat(statutory.workingDaysLeft()).isNull();
        assertThat(statutory.pauseReason()).isNotBlank();
        assertThat(statutory.pausedWorkingDays()).isGreaterThan(20);
        assertThat(watch.row(key, "promised", null).state()).isEqualTo("suspended");
        assertThat(rows).noneMatch(r -> r.state().equals("overdue") && !r.limitKind().equals("task"));
        assertThat(watch.rows(key, null, null, "overdue")).noneMatch(r -> !r.limitKind().equals("task"));
        assertThat(watch.rows(key, null, null, "suspended")).extracting(Row::limitKind).contains("statutory", "promised");
    }

    @Test
    void aCasePastItsLimitIsEscalatedToTheLeaderExactlyOnceAndRecorded() {
        ProcessInstance c = WatchCases.filedPenalty(this, "沈阳乙建设有限公司");
        String key = c.getBusinessKey();
        ProcessInstance suspended = WatchCases.licensingInExpertReview(this, "2026-03-02");

        // Thursday 05-28: the promised 60 days are past, the statutory 90 days only near (policy: escalate when past)
        at(LocalDateTime.of(2026, 5, 28, 10, 0));
        watch.escalate();
        assertThat(escalations(key)).containsExactly("promised");
        watch.escalate();
        assertThat(escalations(key)).containsExactly("promised");

        at(LocalDateTime.of(2026, 6, 2, 10, 0));
        watch.escalate();
        watch.escalate();
        assertThat(escalations(key)).containsExactlyInAnyOrder("promised", "statutory");
        // the licensing clock stands still: nothing to escalate there
        assertThat(escalations(suspended.getBusinessKey())).isEmpty();

        // recorded: one comment per escalation on the case, chained into the whole-process record
        List<Comment> comments = taskService.getProcessInstanceComments(c.getId()).stream()
                .filter(m -> m.getFullMessage().startsWith("期限督办")).toList();
        assertThat(comments).hasSize(2);
        assertThat(comments).anyMatch(m -> m.getFullMessage().contains("行政处罚法第六十条"));
        for (Comment comment : comments) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_record_entry WHERE table_name = 'ACT_HI_COMMENT' "
                    + "AND row_id = ?", Integer.class, comment.getId())).isEqualTo(1);
        }
        // and a 督办 task for the leaders, one per escalation
        List<Task> tasks = taskService.createTaskQuery().taskCandidateGroup("leader").taskNameLike("督办：" + "%").list()
                .stream().filter(t -> t.getName().contains(variable(c, "caseNumber").toString())).toList();
        assertThat(tasks).hasSize(2);
        List<String> taskIds = jdbc.queryForList("SELECT leader_task_id FROM sl_deadline_escalation WHERE business_key = ?",
                String.class, key);
        assertThat(taskIds).containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::getId).toList());
    }

    private List<String> escalations(String key) {
        return jdbc.queryForList("SELECT limit_kind FROM sl_deadline_escalation WHERE business_key = ? ORDER BY id",
                String.class, key);
    }
}
