package org.sunlight.procedure.internal;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.sunlight.procedure.RuleViolation;

/**
 * Turns engine failures that a person caused into messages a person understands, outside the (already rolled back)
 * transaction:
 * <ul>
 * <li>the engine wraps whatever a listener expression throws into a generic ProcessEngineException (JuelExpression),
 * which REST answers with 500: the {@link RuleViolation} itself is handed to the caller (400 and its Chinese message);</li>
 * <li>two officers completing or claiming the same task at the same moment: the loser's optimistic-locking failure, or a
 * task that has just been completed by someone else, becomes a {@link #CONFLICT} violation ("refresh and look"). On
 * MySQL/MariaDB the loser may instead be the victim of a deadlock between the two completions (both insert variables
 * and history rows of the same execution): the database rolled it back, so it is the same conflict.</li>
 * </ul>
 */
class CommandErrors extends CommandInterceptor {

    static final String CONFLICT = "task-conflict";

    private org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands;

    /** After the engine is built: to look up, without authorization, whether a task was just completed. */
    void connect(org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands) {
        this.commands = commands;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RuleViolation violation) {
                    throw violation;
                }
            }
            boolean taskCommand = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                    || command instanceof ClaimTaskCmd;
            if (taskCommand && (e instanceof OptimisticLockingException
                    || deadlockVictim(e)
                    || (e instanceof NullValueException && String.valueOf(e.getMessage()).contains("Cannot find task"))
                    // the winner's commit also removed the loser's right to the task
                    || (e instanceof org.camunda.bpm.engine.AuthorizationException && justCompleted(command)))) {
                String taskId = FormContract.field(command, "taskId");
                throw new RuleViolation(CONFLICT, "任务 " + taskId + " 刚刚已由他人办理或修改（或不存在），请刷新后查看最新状态",
                        "Task " + taskId + " was completed or changed by someone else at the same moment (or does not exist); reload");
            }
            throw e;
        }
    }

    private static boolean deadlockVictim(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException
                    || (cause instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private boolean justCompleted(Command<?> command) {
        if (commands == null) {
            return false;
        }
        String taskId = FormContract.field(command, "taskId");
        return commands.execute(context -> context.runWithoutAuthorization(() -> {
            org.camunda.bpm.engine.history.HistoricTaskInstance task = context.getHistoricTaskInstanceManager()
                    .findHistoricTaskInstanceById(taskId);
            if (task == null || task.getEndTime() == null) {
                return false;
            }
            // only someone the task was offered to learns that it was just done; others keep their 403
            org.camunda.bpm.engine.impl.identity.Authentication current = context.getAuthentication();
            if (current == null || current.getUserId() == null) {
                return false;
            }
            if (current.getUserId().equals(task.getAssignee())) {
                return true;
            }
            org.camunda.bpm.engine.impl.HistoricIdentityLinkLogQueryImpl links =
                    new org.camunda.bpm.engine.impl.HistoricIdentityLinkLogQueryImpl();
            links.taskId(taskId);
            return context.getHistoricIdentityLinkManager()
                    .findHistoricIdentityLinkLogByQueryCriteria(links, null).stream()
                    .anyMatch(l -> current.getUserId().equals(l.getUserId())
                            || (l.getGroupId() != null && current.getGroupIds() != null
                            && current.getGroupIds().contains(l.getGroupId())));
        }));
    }
}
