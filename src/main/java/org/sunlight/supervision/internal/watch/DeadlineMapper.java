package org.sunlight.supervision.internal.watch;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Open cases and tasks with their limits, read from Sunlight's case register and the engine's runtime tables. Date
 * variables are stored by the engine as epoch milliseconds in ACT_RU_VARIABLE.LONG_ (type "date").
 */
@Mapper
interface DeadlineMapper {

    /**
     * An open case of one procedure with the dates its limits are computed from (null while not yet set) and the value
     * of the procedure's variant variable (null when it has none, or the case does not set it).
     */
    record OpenCase(String businessKey, String caseNumber, String processInstanceId, String processKey,
                    String departmentId, String handlerId, String partyName, Long startMs, Long dueMs,
                    String variantValue) {
    }

    /** An open task with a due date, of an open case (tasks of called sub-processes included). */
    record OpenTask(String taskId, String taskName, String assignee, Date dueAt, String businessKey, String caseNumber,
                    String processInstanceId, String processKey, String departmentId, String handlerId, String partyName) {
    }

    @Select("<script>SELECT c.business_key, c.case_number, c.process_instance_id, c.process_key, c.department_id, "
            + "c.handler_id, c.party_name, "
            + "(SELECT MAX(s.LONG_) FROM ACT_RU_VARIABLE s WHERE s.PROC_INST_ID_ = c.process_instance_id "
            + "AND s.NAME_ = #{startVariable} AND s.TYPE_ = 'date') AS start_ms, "
            + "(SELECT MAX(d.LONG_) FROM ACT_RU_VARIABLE d WHERE d.PROC_INST_ID_ = c.process_instance_id "
            + "AND d.NAME_ = #{dueVariable} AND d.TYPE_ = 'date') AS due_ms, "
            + "<choose><when test='variantVariable != null'>(SELECT MAX(v.TEXT_) FROM ACT_RU_VARIABLE v "
            + "WHERE v.PROC_INST_ID_ = c.process_instance_id AND v.NAME_ = #{variantVariable} AND v.TYPE_ = 'string')"
            + "</when><otherwise>NULL</otherwise></choose> AS variant_value "
            + "FROM sl_case c WHERE c.status = 'open' AND c.process_key = #{processKey} "
            + "<if test='department != null'>AND c.department_id = #{department} </if>"
            + "<if test='officer != null'>AND c.handler_id = #{officer} </if>"
            + "ORDER BY c.started_at</script>")
    List<OpenCase> openCases(@Param("processKey") String processKey, @Param("startVariable") String startVariable,
                             @Param("dueVariable") String dueVariable, @Param("variantVariable") String variantVariable,
                             @Param("department") String department,
                             @Param("officer") String officer);

    @Select("<script>SELECT t.ID_ AS task_id, t.NAME_ AS task_name, t.ASSIGNEE_ AS assignee, t.DUE_DATE_ AS due_at, "
            + "c.business_key, c.case_number, c.process_instance_id, c.process_key, c.department_id, c.handler_id, "
            + "c.party_name FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
            + "JOIN sl_case c ON c.process_instance_id = e.ROOT_PROC_INST_ID_ "
            + "WHERE t.DUE_DATE_ IS NOT NULL AND t.DUE_DATE_ &lt;= #{horizon} AND c.status = 'open' "
            + "<if test='department != null'>AND c.department_id = #{department} </if>"
            + "<if test='officer != null'>AND (t.ASSIGNEE_ = #{officer} OR (t.ASSIGNEE_ IS NULL AND c.handler_id = #{officer})) </if>"
            + "ORDER BY t.DUE_DATE_</script>")
    List<OpenTask> tasksDueBy(@Param("horizon") Date horizon, @Param("department") String department,
                              @Param("officer") String officer);

    @Select("SELECT COUNT(*) FROM sl_case WHERE party_name LIKE #{pattern}")
    int demoCases(@Param("pattern") String pattern);

    // ---- escalations (督办)

    record Escalation(String businessKey, String caseNumber, String limitKind, String stage, Date dueAt,
                      Date escalatedAt, String leaderTaskId, String departmentId, String handlerId) {
    }

    @Select("SELECT COUNT(*) FROM sl_deadline_escalation WHERE business_key = #{key} AND limit_kind = #{kind}")
    int escalated(@Param("key") String businessKey, @Param("kind") String limitKind);

    @Insert("INSERT INTO sl_deadline_escalation (business_key, case_number, limit_kind, stage, due_at, escalated_at, "
            + "leader_task_id, department_id, handler_id) VALUES (#{e.businessKey}, #{e.caseNumber}, #{e.limitKind}, "
            + "#{e.stage}, #{e.dueAt}, #{e.escalatedAt}, #{e.leaderTaskId}, #{e.departmentId}, #{e.handlerId})")
    void insertEscalation(@Param("e") Escalation escalation);

    @Select("<script>SELECT business_key, case_number, limit_kind, stage, due_at, escalated_at, leader_task_id, "
            + "department_id, handler_id FROM sl_deadline_escalation "
            + "<where><if test='department != null'>department_id = #{department}</if></where> "
            + "ORDER BY escalated_at DESC, id DESC</script>")
    List<Escalation> escalations(@Param("department") String department);
}
