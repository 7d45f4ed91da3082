package org.sunlight.organization.internal;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;

@Mapper
interface OrganizationMapper {

    @Select("SELECT id, name, kind, acting_body FROM sl_department WHERE id = #{id}")
    Department findDepartment(String id);

    @Select("SELECT id, name, kind, acting_body FROM sl_department ORDER BY id")
    List<Department> departments();

    @Insert("INSERT INTO sl_department (id, name, kind, acting_body, created_at) "
            + "VALUES (#{d.id}, #{d.name}, #{d.kind}, #{d.actingBody}, CURRENT_TIMESTAMP)")
    void insertDepartment(@Param("d") Department department);

    @Select("SELECT user_id, name, department_id, title, law_qualified, active FROM sl_officer WHERE user_id = #{userId}")
    Officer findOfficer(String userId);

    @Select("SELECT user_id, name, department_id, title, law_qualified, active FROM sl_officer ORDER BY user_id")
    List<Officer> officers();

    @Insert("INSERT INTO sl_officer (user_id, name, department_id, title, law_qualified, active, created_at) "
            + "VALUES (#{o.userId}, #{o.name}, #{o.departmentId}, #{o.title}, #{o.lawQualified}, #{o.active}, CURRENT_TIMESTAMP)")
    void insertOfficer(@Param("o") Officer officer);

    @Update("UPDATE sl_officer SET active = #{active} WHERE user_id = #{userId}")
    int updateOfficerActive(@Param("userId") String userId, @Param("active") boolean active);

    @Select("SELECT credential_no, user_id, department_id, scope, scope_text, issuer, valid_from, valid_to, status, status_reason "
            + "FROM sl_credential WHERE credential_no = #{no}")
    Credential findCredential(String no);

    @Select("SELECT credential_no, user_id, department_id, scope, scope_text, issuer, valid_from, valid_to, status, status_reason "
            + "FROM sl_credential WHERE user_id = #{userId} ORDER BY valid_to DESC")
    List<Credential> credentialsOf(String userId);

    @Select("SELECT c.credential_no, c.user_id, c.department_id, c.scope, c.scope_text, c.issuer, c.valid_from, c.valid_to, "
            + "c.status, c.status_reason FROM sl_credential c WHERE c.department_id = #{departmentId} "
            + "AND c.status = 'active' AND c.valid_from <= #{day} AND c.valid_to >= #{day} ORDER BY c.credential_no")
    List<Credential> validCredentialsOfDepartment(@Param("departmentId") String departmentId, @Param("day") LocalDate day);

    @Insert("INSERT INTO sl_credential (credential_no, user_id, department_id, scope, scope_text, issuer, valid_from, valid_to, "
            + "status, status_reason, updated_at) VALUES (#{c.credentialNo}, #{c.userId}, #{c.departmentId}, #{c.scope}, "
            + "#{c.scopeText}, #{c.issuer}, #{c.validFrom}, #{c.validTo}, #{c.status}, #{c.statusReason}, CURRENT_TIMESTAMP)")
    void insertCredential(@Param("c") Credential credential);

    @Update("UPDATE sl_credential SET status = #{status}, status_reason = #{reason}, updated_at = CURRENT_TIMESTAMP "
            + "WHERE credential_no = #{no}")
    int updateCredentialStatus(@Param("no") String no, @Param("status") String status, @Param("reason") String reason);
}
