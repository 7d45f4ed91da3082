package org.sunlight.procedure;

/** Two cases that belong together, e.g. an inspection and the penalty case it led to, or a converted summary case. */
public record CaseLink(String fromBusinessKey, String toBusinessKey, String relation) {
}
