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

    @Transactional
    public boolean changeCredentialStatus(String credentialNo, String status, String reason) {
        return mapper.updateCredentialStatus(credentialNo, status, reason) == 1;
    }
}
