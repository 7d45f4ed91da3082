package org.sunlight.procedure.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.sunlight.procedure.RuleViolation;

/**
 * A refused step is the user's input error, answered with a 400 and a message; the engine would also log it as an
 * ERROR ("ENGINE-16004 Exception while closing command context"). Those entries are dropped so that ERROR in the log
 * keeps meaning that something is broken. Configured in logback-spring.xml.
 */
public class RuleViolationLogFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !logger.getName().startsWith("org.camunda.bpm.engine")) {
            return FilterReply.NEUTRAL;
        }
        if (isRuleViolation(t)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown && isRuleViolation(thrown)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isRuleViolation(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation) {
                return true;
            }
        }
        return false;
    }
}
