package org.sunlight.procedure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;

/**
 * A year without a loaded holiday schedule is counted weekends only (cn-workday-calendar.yaml); when an administrator
 * loads it, the deadlines running cases counted into it are counted again and move. 2032 and 2033 are years no other
 * test loads. Notice on Tuesday 2032-12-28; five working days, weekends only: 29, 30, 31 December, 3 and 4 January
 * 2033. With this test's schedule of 2033 (元旦 1–3 January: Monday the 3rd off): 29, 30, 31 December, 4 and 5
 * January — Wednesday 2033-01-05.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(org.sunlight.ThisContextsEngine.class)
@ActiveProfiles({"demo", "test"})
class ProvisionalDeadlineTests {

    private static final String SCHEDULE_2033 = "source: 国务院办公厅关于2033年部分节假日安排的通知（测试）\n"
            + "holidays:\n  - 2033-01-01 .. 2033-01-03\nworkdays: []\n";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkCalendar calendar;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    private String deployment;

    @BeforeEach
    void deploy() {
        deployment = repositoryService.createDeployment()
                .addClasspathResource("processes-test/provisional-deadline.bpmn").deploy().getId();
    }

    @AfterEach
    void forget2033() {
        repositoryService.deleteDeployment(deployment, true);
        jdbc.update("DELETE FROM sl_calendar_day WHERE cal_year = 2033");
        jdbc.update("DELETE FROM sl_calendar_year WHERE cal_year = 2033");
        jdbc.update("DELETE FROM sl_provisional_deadline WHERE last_year >= 2032");
        calendar.evictAll();
    }

    private static Date end(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private Date due(ProcessInstance c) {
        return taskService.createTaskQuery().processInstanceId(c.getId()).singleResult().getDueDate();
    }

    private Date timer(ProcessInstance c) {
        return managementService.createJobQuery().processInstanceId(c.getId()).activityId("Timer_Window").singleResult()
                .getDuedate();
    }

    private Object variable(ProcessInstance c, String name) {
        return runtimeService.getVariable(c.getId(), name);
    }

    private Rest.Response load2033() {
        return new Rest(port).put("admin", "/api/admin/calendar/2033", "application/yaml", SCHEDULE_2033);
    }

    @Test
    void loadingTheYearMovesTimersDueDatesAndDateVariablesCountedIntoItWithoutTheSchedule() {
        ProcessInstance c = runtimeService.startProcessInstanceByKey("test-provisional-deadline", "TEST-2032-PD",
                Map.of("noticeDate", "2032-12-28"));
        // a procedure Sunlight started for the same case (as the publication's review is) holding a copy of the day
        ProcessInstance started = runtimeService.startProcessInstanceByKey("test-provisional-deadline", "TEST-2032-PD",
                Map.of("noticeDate", "2026-03-02", "copiedDue", end(2033, 1, 4)));
        assertThat(due(c)).isEqualTo(end(2033, 1, 4));
        assertThat(timer(c)).isEqualTo(end(2033, 1, 4));
        assertThat(variable(c, "windowEnd")).isEqualTo(end(2033, 1, 4));
        // counted from windowEnd: 5, 6, 7 January
        assertThat(variable(c, "extendedEnd")).isEqualTo(end(2033, 1, 7));
        // five calendar days end on Sunday 2 January, moved to Monday the 3rd
        assertThat(variable(c, "replyDue")).isEqualTo(end(2033, 1, 3));

        Rest.Response loaded = load2033();

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(due(c)).isEqualTo(end(2033, 1, 5));
        assertThat(timer(c)).isEqualTo(end(2033, 1, 5));
        assertThat(variable(c, "windowEnd")).isEqualTo(end(2033, 1, 5));
        // counted again from the moved windowEnd: 6, 7 and (after the weekend) 10 January
        assertThat(variable(c, "extendedEnd")).isEqualTo(end(2033, 1, 10));
        // Monday the 3rd is now a holiday: the period ends on Tuesday the 4th
        assertThat(variable(c, "replyDue")).isEqualTo(end(2033, 1, 4));
        assertThat(variable(started, "copiedDue")).isEqualTo(end(2033, 1, 5));
        assertThat(due(started)).as("its own deadline, counted in 2026").isEqualTo(end(2026, 3, 9));
        assertThat(loaded.json().get("movedDeadlines").toString()).contains("2033-01-04").contains("2033-01-05")
                .contains("TEST-2032-PD");
        // 2032 is still missing: the counts stay kept for its load
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_provisional_deadline WHERE process_instance_id = ?",
                Integer.class, c.getId())).isPositive();

        // loading the same schedule again moves nothing more
        assertThat(load2033().status()).isEqualTo(200);
        assertThat(due(c)).isEqualTo(end(2033, 1, 5));
        assertThat(variable(c, "extendedEnd")).isEqualTo(end(2033, 1, 10));
    }

    @Test
    void aDeadlineInAYearWithItsScheduleIsNeitherKeptNorMoved() {
        ProcessInstance c = runtimeService.startProcessInstanceByKey("test-provisional-deadline",
                Map.of("noticeDate", "2026-03-02"));
        assertThat(due(c)).isEqualTo(end(2026, 3, 9));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_provisional_deadline WHERE process_instance_id = ?",
                Integer.class, c.getId())).isZero();

        assertThat(load2033().status()).isEqualTo(200);
        assertThat(due(c)).isEqualTo(end(2026, 3, 9));
    }
}
