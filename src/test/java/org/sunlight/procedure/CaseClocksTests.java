package org.sunlight.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;

/** A clock that stands still during a hearing: the decision's due date moves by the working days it stood. */
class CaseClocksTests extends ProcessTest {

    @Autowired CaseClocks clocks;

    @BeforeEach
    void deployClockProcess() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("clock-days-test").count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess("clock-test").camundaHistoryTimeToLive(10958)
                .startEvent()
                .userTask("Task_Decide").camundaDueDate("${caseClocks.workingDaysDue(execution, 'decision', acceptedAt, 20)}")
                .serviceTask("Task_Pause").camundaExpression("${caseClocks.pause(execution, 'decision', '举行听证')}")
                .userTask("Task_Hearing")
                .serviceTask("Task_Resume").camundaExpression("${caseClocks.resume(execution, 'decision')}")
                .userTask("Task_DecideAgain").camundaDueDate("${caseClocks.workingDaysDue(execution, 'decision', acceptedAt, 20)}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("clock-test.bpmn", model).deploy();
        // a calendar-day clock (查封、扣押 30 days, 行政强制法第二十五条) whose testing ended on a recorded day
        BpmnModelInstance days = Bpmn.createExecutableProcess("clock-days-test").camundaHistoryTimeToLive(10958)
                .startEvent()
                .userTask("Task_Handle").camundaDueDate("${caseClocks.calendarDaysDue(execution, 'measure', measureStart, 30)}")
                .serviceTask("Task_Pause").camundaExpression("${caseClocks.pause(execution, 'measure', '技术鉴定')}")
                .userTask("Task_Testing")
                .serviceTask("Task_Resume").camundaExpression(
                        "${caseClocks.resume(execution, 'measure', statutoryClock.toDate(testingEnded))}")
                .userTask("Task_HandleAgain").camundaDueDate("${caseClocks.calendarDaysDue(execution, 'measure', measureStart, 30)}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("clock-days-test.bpmn", days).deploy();
    }

    @Test
    void aCalendarDayClockMovesByThePausedDaysAndItsLastDayPastHolidaysButNotPastAMakeUpWorkday() {
        String key = "TEST-CLOCK-" + System.nanoTime();
        ProcessInstance c = runtimeService.startProcessInstanceByKey("clock-days-test", key, Map.of("measureStart", "2026-09-01"));
        // 30 days from Tuesday 2026-09-01 end on National Day 10-01 (10-01..10-07 off): Thursday 10-08
        assertThat(task(c, "Task_Handle").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 8)));

        at(LocalDateTime.of(2026, 9, 10, 10, 0));
        taskService.complete(task(c, "Task_Handle").getId());
        // the appraisal ended on Saturday 09-19 and is recorded on Tuesday 09-22: 9 days (09-11..09-19) do not count
        at(LocalDateTime.of(2026, 9, 22, 9, 0));
        runtimeService.setVariable(c.getId(), "testingEnded", "2026-09-19");
        taskService.complete(task(c, "Task_Testing").getId());
        assertThat(clocks.pausedCalendarDays(key, "measure")).isEqualTo(9);
        // 39 days from 09-01 end on Saturday 10-10, a make-up working day (调休上班): not moved
        assertThat(task(c, "Task_HandleAgain").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 10)));
    }

    @Test
    void aHearingStopsTheClockAndTheDueDateMovesByTheWorkingDaysItStood() {
        String key = "TEST-CLOCK-" + System.nanoTime();
        ProcessInstance c = runtimeService.startProcessInstanceByKey("clock-test", key, Map.of("acceptedAt", "2026-03-02"));
        // 20 working days after Monday 2026-03-02: Monday 2026-03-30
        assertThat(task(c, "Task_Decide").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));

        at(LocalDateTime.of(2026, 3, 10, 10, 0));
        taskService.complete(task(c, "Task_Decide").getId());
        assertThat(clocks.isPaused(key, "decision")).isTrue();
        at(LocalDateTime.of(2026, 3, 17, 16, 0));
        taskService.complete(task(c, "Task_Hearing").getId());
        // stood still 03-11..03-17: 5 working days; 25 working days after 03-02 skip Qingming (04-04..04-06): 2026-04-07
        assertThat(clocks.pausedWorkingDays(key, "decision")).isEqualTo(5);
        assertThat(task(c, "Task_DecideAgain").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 4, 7)));
        assertThat(clocks.pauses(key)).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("举行听证");
            assertThat(p.resumedAt()).isNotNull();
        });
        assertThat(clocks.pausedCalendarDays(key, "decision")).isEqualTo(7);
    }

    @Test
    void aClockCannotBeResumedUnlessPaused() {
        String key = "TEST-CLOCK-" + System.nanoTime();
        ProcessInstance c = runtimeService.startProcessInstanceByKey("clock-test", key, Map.of("acceptedAt", "2026-03-02"));
        assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(c.getId())
                .cancelAllForActivity("Task_Decide").startBeforeActivity("Task_Resume").execute())
                .isInstanceOf(RuleViolation.class).hasMessageContaining("没有中止");
        assertThat(task(c, "Task_Decide")).isNotNull();
    }
}
