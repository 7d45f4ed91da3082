package org.sunlight.organization.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;

@Service
class OrganizationService implements Organization {

    private final OrganizationMapper mapper;
    private final IdentityService identityService;

    OrganizationService(OrganizationMapper mapper, IdentityService identityService) {
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public Optional<Department> department(String id) {
        return Optional.ofNullable(id).map(mapper::findDepartment);
    }

    @Override
    public List<Department> departments() {
        return mapper.departments();
    }

    @Override
    public Optional<Officer> officer(String userId) {
        return Optional.ofNullable(userId).map(mapper::findOfficer);
    }

    @Override
    public List<Officer> officers() {
        return mapper.officers();
    }

    @Override
    public Optional<Credential> credential(String credentialNo) {
        return Optional.ofNullable(credentialNo).map(String::trim).map(mapper::findCredential);
    }

    @Override
    public List<Credential> credentialsOf(String userId) {
        return mapper.credentialsOf(userId);
    }

    @Override
    public List<Credential> validCredentials(String departmentId, LocalDate day) {
        return mapper.validCredentialsOfDepartment(departmentId, day);
    }

    @Override
    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
