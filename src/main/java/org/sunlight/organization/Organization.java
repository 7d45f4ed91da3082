package org.sunlight.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read access to departments, officers and credentials for the other modules. */
public interface Organization {

    Optional<Department> department(String id);

    List<Department> departments();

    Optional<Officer> officer(String userId);

    List<Officer> officers();

    Optional<Credential> credential(String credentialNo);

    List<Credential> credentialsOf(String userId);

    /** Credentials of a department valid on a day (for choosing investigators and inspectors). */
    List<Credential> validCredentials(String departmentId, LocalDate day);

    /** Camunda group ids the user belongs to (roles and department). */
    List<String> groupsOf(String userId);
}
