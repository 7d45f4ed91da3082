package org.sunlight.review.internal;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.StatutoryClock;

/**
 * The reviewer asks, once, to extend the legal review's time limit (RULES 1.19: 宁夏住建厅审核目录, 7 working days,
 * extendable by 3 with approval; local policy — 国办发〔2018〕118号 sets no period). The request is checked and, in the
 * same transaction, correlated to the review task's message boundary event {@code Event_ExtensionRequested}, which
 * gives a leader the approval task; a refused request changes nothing. The review itself goes on meanwhile.
 */
@Component
class ReviewExtensions {

    static final String MESSAGE = "legalReviewExtensionRequested";
    static final int MAX_REASON = 500;

    private final ReviewDeadline deadline;
    private final StatutoryClock clock;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    ReviewExtensions(ReviewDeadline deadline, StatutoryClock clock, RuntimeService runtimeService, TaskService taskService,
                     ProcessEngineConfiguration engineConfiguration) {
        this.deadline = deadline;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
    }

    /**
     * Checks everything before changing anything — who asks before what is asked — and answers what the approval task
     * needs to know.
     */
    Map<String, Object> request(String taskId, String reason, StaffUser user) {
        String why = reason == null ? "" : reason.strip();
        // a refusal is returned, not thrown, from the engine command (which changed nothing), so that the engine does not
        // log an ordinary bad request as a failed command
        Object outcome = engineConfiguration.getCommandExecutorTxRequired().<Object>execute(context -> context.runWithoutAuthorization(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !ReviewDeadline.REVIEW_TASK.equals(task.getTaskDefinitionKey())
                    || !task.getProcessDefinitionId().startsWith("legal-review:")) {
                return ApiException.notFound("没有该法制审核任务", "No such legal review task");
            }
            if (!user.userId().equals(task.getAssignee())) {
                return ApiException.forbidden("只有已认领本审核任务的法制审核人员可以申请延长审核期限",
                        "Only the reviewer who claimed this review may ask to extend it");
            }
            // the request itself only once the caller may make it: nobody else learns anything from a 400
            if (why.isEmpty()) {
                return ApiException.badRequest("extension-reason-required", "请填写延长审核期限的理由",
                        "A reason for the extension is required");
            }
            if (why.length() > MAX_REASON) {
                return ApiException.badRequest("extension-reason-too-long", "延长理由不能超过" + MAX_REASON + "个字",
                        "The reason may have at most " + MAX_REASON + " characters");
            }
            if (deadline.extensionWorkingDays() == 0) {
                return ApiException.badRequest("no-extension", "本机关规定法制审核期限不得延长（sunlight.review.extension-working-days）",
                        "This department allows no extension of the legal review");
            }
            String instance = task.getProcessInstanceId();
            if (runtimeService.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
                    .eventName(MESSAGE).count() == 0) {
                return ApiException.badRequest("extension-not-supported", "本审核任务所用的流程版本不支持延长审核期限",
                        "The version of legal-review this task runs on has no extension");
            }
            if (Boolean.TRUE.equals(runtimeService.getVariable(instance, "reviewExtensionRequested"))) {
                return ApiException.badRequest("extension-once", "审核期限只能申请延长一次", "The review can be extended once only");
            }
            Object due = runtimeService.getVariable(instance, ReviewDeadline.DUE);
            if (!(due instanceof Date dueDate) || !clock.now().before(dueDate)) {
                return ApiException.badRequest("extension-after-due", "审核期限已届满，不能再申请延长",
                        "The review is already due; it can no longer be extended");
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("reviewExtensionRequested", true);
            variables.put("reviewExtensionReason", why);
            variables.put("reviewExtensionRequestedBy", user.userId());
            variables.put("reviewExtensionRequestedAt", clock.now());
            variables.put("reviewExtensionWorkingDays", deadline.extensionWorkingDays());
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(instance).setVariables(variables)
                    .correlateWithResult();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("taskId", taskId);
            answer.put("processInstanceId", instance);
            answer.put("status", "requested");
            answer.put("reviewDue", dueDate.toInstant().toString());
            answer.put("extensionWorkingDays", deadline.extensionWorkingDays());
            return answer;
        }));
        if (outcome instanceof ApiException refusal) {
            throw refusal;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) outcome;
        // the leader's approval task, committed now (a query inside the correlating command does not see it yet)
        Task approval = engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> taskService.createTaskQuery().processInstanceId((String) answer.get("processInstanceId"))
                        .taskDefinitionKey("Task_ReviewExtensionApproval").singleResult()));
        answer.put("approvalTaskId", approval == null ? null : approval.getId());
        return answer;
    }
}
