package org.sunlight.supervision.internal.scoring;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * sl_case_score (V50) and the few rows of other tables scoring reads: sl_case (which cases are closed),
 * sl_evidence (evidence files of a case), sl_record_entry (the record chain's entry for a history row) and the engine's
 * ACT_HI_DETAIL (when each variable was last set). Those are read only, by key, never written here.
 */
@Mapper
interface ScoreMapper {

    String COLUMNS = "business_key, case_number, process_key, department_id, handler_id, party_name, score, passed, "
            + "veto_count, checklist_id, checklist_version, findings, closed_at, scored_at";

    @Select("SELECT " + COLUMNS + " FROM sl_case_score WHERE business_key = #{businessKey}")
    StoredScore find(String businessKey);

    /**
     * When each variable of a process instance was last set, by variable instance id: the time alone, where the
     * engine's detail query would read and deserialize every value ever written (two rows per form field) to answer it.
     */
    @Select("SELECT VAR_INST_ID_ AS variableInstanceId, MAX(TIME_) AS lastSet FROM ACT_HI_DETAIL "
            + "WHERE PROC_INST_ID_ = #{processInstanceId} AND TYPE_ = 'VariableUpdate' GROUP BY VAR_INST_ID_")
    List<VariableSet> lastSet(String processInstanceId);

    record VariableSet(String variableInstanceId, Date lastSet) {
    }

    @Delete("DELETE FROM sl_case_score WHERE business_key = #{businessKey}")
    int delete(String businessKey);

    @Insert("INSERT INTO sl_case_score (" + COLUMNS + ") VALUES (#{s.businessKey}, #{s.caseNumber}, #{s.processKey}, "
            + "#{s.departmentId}, #{s.handlerId}, #{s.partyName}, #{s.score}, #{s.passed}, #{s.vetoCount}, "
            + "#{s.checklistId}, #{s.checklistVersion}, #{s.findings}, #{s.closedAt}, #{s.scoredAt})")
    void insert(@Param("s") StoredScore score);

    /** Closed cases of the scored procedures without a score of the given checklist version (oldest first). */
    @Select("SELECT c.business_key FROM sl_case c LEFT JOIN sl_case_score s ON s.business_key = c.business_key "
            + "WHERE c.status = 'closed' AND c.process_key = #{processKey} "
            + "AND (s.business_key IS NULL OR s.checklist_version <> #{version}) ORDER BY c.ended_at LIMIT #{limit}")
    List<String> unscored(@Param("processKey") String processKey, @Param("version") int version,
                          @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM sl_case_score <where>"
            + "<if test='f.procedure != null'> AND process_key = #{f.procedure}</if>"
            + "<if test='f.departmentId != null'> AND department_id = #{f.departmentId}</if>"
            + "<if test='f.passed != null'> AND passed = #{f.passed}</if>"
            + "<if test='f.minScore != null'> AND score &gt;= #{f.minScore}</if>"
            + "<if test='f.maxScore != null'> AND score &lt;= #{f.maxScore}</if>"
            + "<if test='f.closedFrom != null'> AND closed_at &gt;= #{f.closedFrom}</if>"
            + "<if test='f.closedTo != null'> AND closed_at &lt; #{f.closedTo}</if>"
            + "</where> ORDER BY ${f.orderBy}, business_key LIMIT #{f.size} OFFSET #{f.offset}</script>")
    List<StoredScore> list(@Param("f") ScoreFilter filter);

    @Select("<script>SELECT COUNT(*) FROM sl_case_score <where>"
            + "<if test='f.procedure != null'> AND process_key = #{f.procedure}</if>"
            + "<if test='f.departmentId != null'> AND department_id = #{f.departmentId}</if>"
            + "<if test='f.passed != null'> AND passed = #{f.passed}</if>"
            + "<if test='f.minScore != null'> AND score &gt;= #{f.minScore}</if>"
            + "<if test='f.maxScore != null'> AND score &lt;= #{f.maxScore}</if>"
            + "<if test='f.closedFrom != null'> AND closed_at &gt;= #{f.closedFrom}</if>"
            + "<if test='f.closedTo != null'> AND closed_at &lt; #{f.closedTo}</if>"
            + "</where></script>")
    long count(@Param("f") ScoreFilter filter);

    @Select("SELECT id, file_name, task_key, captured_at FROM sl_evidence WHERE business_key = #{businessKey} ORDER BY id")
    List<EvidenceRow> evidence(String businessKey);

    /** The record chain's entry of a history row (its seq), so a finding can name the entry of the signed record. */
    @Select("SELECT MIN(seq) FROM sl_record_entry WHERE chain_key = #{chainKey} AND row_id = #{rowId}")
    Long recordSeq(@Param("chainKey") String chainKey, @Param("rowId") String rowId);

    record EvidenceRow(long id, String fileName, String taskKey, Date capturedAt) {
    }
}
