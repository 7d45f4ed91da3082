package org.sunlight.organization;

import java.util.List;

/**
 * Camunda group ids of Sunlight's roles. Candidate groups of user tasks use these ids (or a department id),
 * so they are an API of the BPMN files. Camunda ids must match [a-zA-Z0-9]+ (plus the built-in camunda-admin).
 */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String LEGAL_REVIEWER = "legalReviewer";
    public static final String LEADER = "leader";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(OFFICER, LEGAL_REVIEWER, LEADER, SUPERVISOR, ADMIN);

    /** Camunda group type of role groups; departments use {@link #DEPARTMENT_TYPE}. */
    public static final String ROLE_TYPE = "WORKFLOW";
    public static final String DEPARTMENT_TYPE = "DEPARTMENT";

    private Roles() {
    }
}
