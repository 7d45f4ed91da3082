package org.sunlight.review.internal;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The legal review's time limit (RULES 1.19; local policy, 国办发〔2018〕118号 sets none): due the configured number of
 * working days after the submission ({@code sunlight.review.working-days}, 7), read by legal-review.bpmn as
 * {@code ${reviewDeadline.due(execution)}} for the review task's due date, the leader's escalation timer
 * ({@code Event_ReviewOverdue}) and the extension approval. It is computed once and kept in {@code reviewDue}, so the
 * task and its timer always agree; an approved extension ({@code sunlight.review.extension-working-days}, 3, once)
 * moves all three.
 */
@Component("reviewDeadline")
@EnableConfigurationProperties({ReviewPolicy.class, ReviewExtensionPolicy.class})
public class ReviewDeadline {

    static final String DUE = "reviewDue";
    static final String REVIEW_TASK = "Task_LegalReview";
    static final String OVERDUE_TIMER = "Event_ReviewOverdue";

    private final StatutoryClock clock;
    private final ReviewPolicy policy;
    private final ReviewExtensionPolicy extension;

    ReviewDeadline(StatutoryClock clock, ReviewPolicy policy, ReviewExtensionPolicy extension) {
        this.clock = clock;
        this.policy = policy;
        this.extension = extension;
    }

    /** The configured number of working days from now (the submission), on the official working-day calendar. */
    public Date due() {
        return clock.workingDaysAfter(clock.now(), policy.workingDays());
    }

    /**
     * The review's current due date: {@code reviewDue} once set, else {@link #due()} from now, stored in
     * {@code reviewDue} (on the review's process instance) for the task, its timer and a later extension.
     */
    public Date due(DelegateExecution execution) {
        if (execution.getVariable(DUE) instanceof Date due) {
            return due;
        }
        Date due = due();
        execution.setVariable(DUE, due);
        return due;
    }

    int workingDays() {
        return policy.workingDays();
    }

    int extensionWorkingDays() {
        return extension.extensionWorkingDays();
    }

    /**
     * 延长审核期限审批 (RULES 1.19, local policy): the leader approves or refuses the reviewer's request, with reasons.
     * Approved before the review is due, the review task's due date, its escalation timer and {@code reviewDue} move
     * by the configured working days, counted from the current due day. A request cannot be approved by the reviewer
     * who made it.
     */
    public void decideExtension(DelegateTask task) {
        String decision = Vars.requireOneOf(task, "reviewExtensionDecision", "审批意见", Set.of("approve", "reject"));
        Vars.requireText(task, "reviewExtensionOpinion", "审批理由");
        String approver = actor(task);
        if (approver != null && approver.equals(task.getVariable("reviewExtensionRequestedBy"))) {
            throw new RuleViolation("extension-self-approval", "延长审核期限的申请人不能审批自己的申请",
                    "The reviewer who asked for the extension cannot approve it");
        }
        task.setVariable("reviewExtensionApprover", approver);
        if (!"approve".equals(decision)) {
            task.setVariable("reviewExtended", false);
            return;
        }
        Date due = (Date) task.getVariable(DUE);
        if (due == null || !clock.now().before(due)) {
            throw new RuleViolation("extension-after-due", "审核期限已届满，不能再批准延长，请选择不予延长",
                    "The review is already due; an extension can no longer be approved");
        }
        Date extended = clock.workingDaysAfter(due, extension.extensionWorkingDays());
        task.setVariable(DUE, extended);
        task.setVariable("reviewExtended", true);
        move(task.getProcessInstanceId(), extended);
    }

    /** The review task's due date and its escalation timer follow the extension. */
    private static void move(String processInstanceId, Date extended) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            TaskService tasks = Context.getProcessEngineConfiguration().getTaskService();
            for (Task open : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK).list()) {
                open.setDueDate(extended);
                tasks.saveTask(open);
            }
            return null;
        });
        for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
            if (OVERDUE_TIMER.equals(job.getActivityId())) {
                job.setDuedate(extended);
            }
        }
    }

    private static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
