package org.sunlight.organization.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Roles;

/**
 * Changes to the organisation. Each change writes the Camunda identity (users, groups, memberships) and Sunlight's
 * tables in one transaction, so the two never drift apart.
 */
@Service
class OrganizationAdmin {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrganizationAdmin.class);

    private final IdentityService identityService;
    private final OrganizationMapper mapper;

    OrganizationAdmin(IdentityService identityService, OrganizationMapper mapper) {
        this.identityService = identityService;
        this.mapper = mapper;
    }

    @Transactional
    public void createDepartment(Department department) {
        if (identityService.createGroupQuery().groupId(department.id()).count() == 0) {
            Group group = identityService.newGroup(department.id());
            group.setName(department.name());
            group.setType(Roles.DEPARTMENT_TYPE);
            identityService.saveGroup(group);
        }
        mapper.insertDepartment(department);
    }

    @Transactional
    public void createOfficer(Officer officer, String password, List<String> roles) {
        User user = identityService.newUser(officer.userId());
        user.setFirstName(officer.name());
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(officer.userId(), officer.departmentId());
        for (String role : roles) {
            identityService.createMembership(officer.userId(), role);
        }
        mapper.insertOfficer(officer);
    }

    @Transactional
    public void issueCredential(Credential credential) {
        mapper.insertCredential(credential);
    }

    boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /**
     * Keeps Sunlight's register in step with Camunda's identity: an officer whose Camunda user was deleted (for
     * instance in Admin) becomes inactive, so he can neither start nor act in cases.
     */
    @Transactional
    public void reconcile() {
        for (Officer officer : mapper.officers()) {
            if (officer.active() && !userExists(officer.userId())) {
                mapper.updateOfficerActive(officer.userId(), false);
                LOG.warn("Officer {} has no Camunda user any more: marked inactive", officer.userId());
            }
        }
    }

    @Transactional
    public boolean changeCredentialStatus(String credentialNo, String status, String reason) {
        return mapper.updateCredentialStatus(credentialNo, status, reason) == 1;
    }
}
