package org.sunlight.procedure;

import java.util.Optional;

import org.sunlight.organization.StaffUser;

/** Sunlight's register of cases, for the modules that read a case by its business key. */
public interface Cases {

    Optional<CaseInfo> find(String businessKey);

    Optional<CaseInfo> findByProcessInstance(String processInstanceId);

    /**
     * The case if the user may read it: its department's members, legal reviewers, leaders, supervisors and
     * administrators. Otherwise 404 (not 403: whether a case exists is not for others to learn).
     */
    CaseInfo requireReadable(String businessKey, StaffUser user);

    /**
     * Gives the running case another handler (承办人) from inside one of its steps: variables, register and the open
     * tasks of the previous handler (e.g. after a granted recusal, 行政处罚法第四十三条).
     */
    void reassignHandler(org.camunda.bpm.engine.delegate.DelegateExecution execution, String officerId);

    /** Cases linked to this one, in both directions. */
    java.util.List<CaseLink> links(String businessKey);
}
