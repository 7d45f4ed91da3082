package org.sunlight.organization.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.Roles;

/** Administrators manage departments, officers and credentials; Camunda users and groups follow in the same step. */
@RestController
@RequestMapping("/api/admin/organization")
class OrganizationController {

    private static final String ID = "[a-zA-Z0-9]{1,64}";

    record DepartmentRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String name,
                             @NotBlank @Pattern(regexp = "enforcement|legal|leadership|supervision|admin") String kind,
                             @NotBlank @Size(max = 200) String actingBody) {
    }

    record OfficerRequest(@NotBlank @Pattern(regexp = ID) String userId, @NotBlank @Size(max = 100) String name,
                          @NotBlank @Pattern(regexp = ID) String departmentId, @Size(max = 100) String title,
                          boolean lawQualified, @NotBlank @Size(min = 8, max = 128) String password,
                          @NotNull List<@Pattern(regexp = "officer|legalReviewer|leader|supervisor") String> roles) {
    }

    record CredentialRequest(@NotBlank @Pattern(regexp = "[0-9A-Za-z]{6,32}") String credentialNo,
                             @NotBlank @Pattern(regexp = ID) String userId,
                             @NotBlank @Pattern(regexp = "(licensing|penalty|coercion|collection|inspection)(,(licensing|penalty|coercion|collection|inspection))*") String scope,
                             @NotBlank @Size(max = 500) String scopeText, @NotBlank @Size(max = 200) String issuer,
                             @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    record StatusRequest(@NotBlank @Pattern(regexp = "active|suspended|revoked") String status,
                         @Size(max = 500) String reason) {
    }

    private final Organization organization;
    private final OrganizationAdmin admin;

    OrganizationController(Organization organization, OrganizationAdmin admin) {
        this.organization = organization;
        this.admin = admin;
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return organization.departments();
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Department createDepartment(@Valid @RequestBody DepartmentRequest request) {
        if (organization.department(request.id()).isPresent() || Roles.ALL.contains(request.id())) {
            throw ApiException.badRequest("duplicate", "部门编号已存在：" + request.id(), "Department exists: " + request.id());
        }
        Department department = new Department(request.id(), request.name(), request.kind(), request.actingBody());
        admin.createDepartment(department);
        return department;
    }

    @GetMapping("/officers")
    List<Map<String, Object>> officers() {
        return organization.officers().stream().map(o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("officer", o);
            row.put("groups", organization.groupsOf(o.userId()));
            row.put("credentials", organization.credentialsOf(o.userId()));
            return row;
        }).toList();
    }

    @PostMapping("/officers")
    @ResponseStatus(HttpStatus.CREATED)
    Officer createOfficer(@Valid @RequestBody OfficerRequest request) {
        if (organization.officer(request.userId()).isPresent() || admin.userExists(request.userId())) {
            throw ApiException.badRequest("duplicate", "用户名已存在：" + request.userId(), "User exists: " + request.userId());
        }
        if (organization.department(request.departmentId()).isEmpty()) {
            throw ApiException.badRequest("unknown-department", "部门不存在：" + request.departmentId(),
                    "Unknown department: " + request.departmentId());
        }
        Officer officer = new Officer(request.userId(), request.name(), request.departmentId(), request.title(),
                request.lawQualified(), true);
        admin.createOfficer(officer, request.password(), request.roles());
        return officer;
    }

    @PostMapping("/credentials")
    @ResponseStatus(HttpStatus.CREATED)
    Credential issueCredential(@Valid @RequestBody CredentialRequest request) {
        Officer officer = organization.officer(request.userId()).orElseThrow(() -> ApiException.badRequest(
                "unknown-officer", "执法人员不存在：" + request.userId(), "Unknown officer: " + request.userId()));
        if (organization.credential(request.credentialNo()).isPresent()) {
            throw ApiException.badRequest("duplicate", "执法证号已存在：" + request.credentialNo(),
                    "Credential exists: " + request.credentialNo());
        }
        if (request.validTo().isBefore(request.validFrom())) {
            throw ApiException.badRequest("invalid-period", "有效期截止日期早于起始日期", "validTo precedes validFrom");
        }
        Credential credential = new Credential(request.credentialNo(), officer.userId(), officer.departmentId(),
                request.scope(), request.scopeText(), request.issuer(), request.validFrom(), request.validTo(),
                Credential.ACTIVE, null);
        admin.issueCredential(credential);
        return credential;
    }

    @PutMapping("/credentials/{credentialNo}/status")
    Credential changeStatus(@PathVariable String credentialNo, @Valid @RequestBody StatusRequest request) {
        if (!admin.changeCredentialStatus(credentialNo, request.status(), request.reason())) {
            throw ApiException.notFound("执法证号不存在：" + credentialNo, "Unknown credential: " + credentialNo);
        }
        return organization.credential(credentialNo).orElseThrow();
    }
}
