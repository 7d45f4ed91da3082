package org.sunlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Process tests run the real engine, DMN tables, forms and listeners of the assembled application on an in-memory
 * H2 database (one Spring context shared by all process tests), acting as the demo users through the same services
 * the REST API calls — so the form contract, authorizations and listeners all apply. Time is Camunda's clock, set per
 * test; timers are fired by the test, after asserting their due dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"demo", "test"})
@RecordApplicationEvents
public abstract class ProcessTest {

    @Autowired protected ApplicationEvents events;
    @Autowired protected org.springframework.context.ApplicationContext applicationContext;

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected FormService formService;
    @Autowired protected IdentityService identityService;
    @Autowired protected ManagementService managementService;
    @Autowired protected HistoryService historyService;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    protected static Date instant(LocalDateTime time) {
        return Date.from(time.atZone(ZONE).toInstant());
    }

    /** The end of a day (23:59:59 Asia/Shanghai): when a statutory period ends. */
    protected static Date endOf(LocalDate day) {
        return instant(day.atTime(23, 59, 59));
    }

    protected void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(instant(time));
    }

    protected LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
    }

    protected void as(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }

    public ProcessInstance start(String user, String processKey, Map<String, Object> variables) {
        as(user);
        try {
            String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(processKey).latestVersion().singleResult().getId();
            return formService.submitStartForm(definitionId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The single open task of the case at the given activity. */
    public Task task(ProcessInstance case_, String taskDefinitionKey) {
        // called processes (legal-review) carry the case's business key too
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(case_.getBusinessKey())
                .taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open task %s of %s", taskDefinitionKey, case_.getBusinessKey()).hasSize(1);
        return tasks.get(0);
    }

    /** Completes the task's form as the user, like Tasklist does (POST /task/{id}/submit-form). */
    public void submit(String user, ProcessInstance case_, String taskDefinitionKey, Map<String, Object> variables) {
        Task task = task(case_, taskDefinitionKey);
        as(user);
        try {
            formService.submitTaskForm(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Attaches a video to the case's open task at the given activity, as an officer does in the "证据材料" tab: steps
     * marked avAction (seizure, sealing, forced execution) cannot be completed without one (国办发〔2018〕118号三(八)).
     */
    public void attachVideo(String user, ProcessInstance case_, String taskDefinitionKey) {
        org.sunlight.record.internal.Recordings.attachVideo(applicationContext, user, case_.getBusinessKey(),
                task(case_, taskDefinitionKey).getId());
    }

    /** The timer job of a boundary or catch event, asserted to be due at the given instant, then fired. */
    protected void fireTimer(ProcessInstance case_, String activityId, Date expectedDue) {
        Job job = timer(case_, activityId);
        assertThat(job.getDuedate()).as("due date of timer %s", activityId).isEqualTo(expectedDue);
        ClockUtil.setCurrentTime(new Date(expectedDue.getTime() + 1000));
        managementService.executeJob(job.getId());
    }

    protected Job timer(ProcessInstance case_, String activityId) {
        List<String> instanceIds = new java.util.ArrayList<>();
        instanceIds.add(case_.getId());
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(case_.getId()).list()
                .forEach(p -> instanceIds.add(p.getId()));
        Job job = null;
        for (String id : instanceIds) {
            job = managementService.createJobQuery().processInstanceId(id).timers().activityId(activityId).singleResult();
            if (job != null) {
                break;
            }
        }
        assertThat(job).as("timer %s", activityId).isNotNull();
        return job;
    }

    protected Object variable(ProcessInstance case_, String name) {
        return runtimeService.getVariable(case_.getId(), name);
    }

    protected static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
