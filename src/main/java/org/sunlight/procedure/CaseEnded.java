package org.sunlight.procedure;

/**
 * A case's process instance ended, closed or cancelled (the register says so already): published inside the ending
 * step's transaction, like {@link CaseDecided}, so that what reacts (supervision) commits or rolls back with it, or
 * waits for the commit.
 */
public record CaseEnded(String businessKey, String processInstanceId, String processKey, boolean cancelled) {
}
