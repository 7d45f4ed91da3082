package org.sunlight.procedure.internal;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.sunlight.procedure.RuleViolation;

/**
 * The engine wraps whatever a listener expression throws into a generic ProcessEngineException (JuelExpression), which
 * the REST API answers with 500. Outside the transaction (already rolled back), this hands the caller the
 * {@link RuleViolation} itself, so a refused step is a 400 with its Chinese message.
 */
class RuleViolationUnwrapping extends CommandInterceptor {

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
            throw e;
        }
    }
}
