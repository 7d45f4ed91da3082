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
 * task that has just been completed by someone else, becomes a {@link #CONFLICT} violation ("refresh and look").</li>
 * </ul>
 */
class CommandErrors extends CommandInterceptor {

    static final String CONFLICT = "task-conflict";

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
                    || (e instanceof NullValueException && String.valueOf(e.getMessage()).contains("Cannot find task")))) {
                throw new RuleViolation(CONFLICT, "该任务刚刚已由他人办理或修改，请刷新后查看最新状态",
                        "The task was completed or changed by someone else at the same moment; reload it");
            }
            throw e;
        }
    }
}
