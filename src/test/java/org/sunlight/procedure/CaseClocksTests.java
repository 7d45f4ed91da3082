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
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("clock-test").count() > 0) {
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
