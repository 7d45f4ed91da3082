package org.sunlight.supervision.internal.analytics;

import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * sl_case_summary: what the analytics need of each ended case, read once from sl_case and the engine's history.
 * The engine's rows are selected by process instance ids given as parameters, never joined to sl_case: on
 * MySQL/MariaDB a parameter is converted to the engine's utf8mb3 column and its index is used, a utf8mb4 column is not.
 */
@Mapper
interface CaseSummaryMapper {

    String CASE_COLUMNS = "c.business_key, c.case_number, c.process_instance_id, c.process_key, c.category, "
            + "c.department_id, c.handler_id, c.party_name, c.status, c.started_at, c.ended_at";

    /** An ended case as sl_case has it. */
    record EndedCase(String businessKey, String caseNumber, String processInstanceId, String processKey,
                     String category, String departmentId, String handlerId, String partyName, String status,
                     Date startedAt, Date endedAt) {
    }

    @Select("SELECT " + CASE_COLUMNS + " FROM sl_case c WHERE c.process_instance_id = #{id} AND c.status <> 'open'")
    EndedCase endedCase(@Param("id") String processInstanceId);

    /** Ended cases without a summary after a business key (null: from the first), a batch at a time (the backfill). */
    @Select("<script>SELECT " + CASE_COLUMNS + " FROM sl_case c WHERE c.status &lt;&gt; 'open' "
            + "<if test='after != null'>AND c.business_key &gt; #{after} </if>"
            + "AND NOT EXISTS (SELECT 1 FROM sl_case_summary s WHERE s.business_key = c.business_key) "
            + "ORDER BY c.business_key LIMIT #{limit}</script>")
    List<EndedCase> endedWithoutSummary(@Param("after") String after, @Param("limit") int limit);

    /** Ended cases without a summary (0 when the summaries are complete); two index counts. */
    @Select("SELECT (SELECT COUNT(*) FROM sl_case WHERE status <> 'open') "
            + "- (SELECT COUNT(*) FROM sl_case_summary)")
    long missing();

    @Select("SELECT COUNT(*) FROM sl_case_summary WHERE business_key = #{businessKey}")
    int exists(@Param("businessKey") String businessKey);

    /** A history variable of a process instance (dates and booleans in LONG_, doubles in DOUBLE_, strings in TEXT_). */
    record Variable(String processInstanceId, String executionId, String name, Long longValue, Double doubleValue,
                    String textValue) {
    }

    @Select("<script>SELECT v.PROC_INST_ID_ AS process_instance_id, v.EXECUTION_ID_ AS execution_id, v.NAME_ AS name, "
            + "v.LONG_ AS long_value, v.DOUBLE_ AS double_value, v.TEXT_ AS text_value FROM ACT_HI_VARINST v "
            + "WHERE v.PROC_INST_ID_ IN <foreach item='id' collection='ids' open='(' separator=', ' close=')'>#{id}</foreach> "
            + "AND v.NAME_ IN <foreach item='n' collection='names' open='(' separator=', ' close=')'>#{n}</foreach>"
            + "</script>")
    List<Variable> variables(@Param("ids") Collection<String> processInstanceIds,
                             @Param("names") Collection<String> names);

    /** A legal review (法制审核) called (directly or not) from a case; one row per reviewApproved variable it has. */
    record Review(String rootProcessInstanceId, boolean ended, Long approved) {
    }

    @Select("<script>SELECT r.ROOT_PROC_INST_ID_ AS root_process_instance_id, "
            + "CASE WHEN r.END_TIME_ IS NULL THEN 0 ELSE 1 END AS ended, v.LONG_ AS approved "
            + "FROM ACT_HI_PROCINST r LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = r.ID_ AND v.NAME_ = 'reviewApproved' "
            + "WHERE r.ROOT_PROC_INST_ID_ IN <foreach item='id' collection='ids' open='(' separator=', ' close=')'>#{id}</foreach> "
            + "AND r.PROC_DEF_KEY_ = 'legal-review'</script>")
    List<Review> reviews(@Param("ids") Collection<String> rootProcessInstanceIds);

    @Insert("INSERT INTO sl_case_summary (business_key, case_number, process_key, category, department_id, handler_id, "
            + "party_name, status, started_at, ended_at, period_start_ms, period_end_ms, period_due_ms, "
            + "decision_recorded, hearing_held, legal_reviews, legal_reviews_ended, legal_reviews_rejected, fine_amount, "
            + "min_fine, max_fine, inspection_result, handling_decision, summarized_at) VALUES (#{s.businessKey}, "
            + "#{s.caseNumber}, #{s.processKey}, #{s.category}, #{s.departmentId}, #{s.handlerId}, #{s.partyName}, "
            + "#{s.status}, #{s.startedAt}, #{s.endedAt}, #{s.periodStartMs}, #{s.periodEndMs}, #{s.periodDueMs}, "
            + "#{s.decisionRecorded}, #{s.hearingHeld}, #{s.legalReviews}, #{s.legalReviewsEnded}, "
            + "#{s.legalReviewsRejected}, #{s.fineAmount}, #{s.minFine}, #{s.maxFine}, #{s.inspectionResult}, "
            + "#{s.handlingDecision}, #{s.summarizedAt})")
    void insert(@Param("s") CaseSummary summary);

    @Select("SELECT business_key, case_number, process_key, category, department_id, handler_id, party_name, status, "
            + "started_at, ended_at, period_start_ms, period_end_ms, period_due_ms, decision_recorded, hearing_held, "
            + "legal_reviews, legal_reviews_ended, legal_reviews_rejected, fine_amount, min_fine, max_fine, "
            + "inspection_result, handling_decision, summarized_at FROM sl_case_summary WHERE business_key = #{key}")
    CaseSummary find(@Param("key") String businessKey);

    /** Open cases (their legal reviews are read from the engine: they have no summary yet). */
    record OpenCase(String processInstanceId, String category) {
    }

    @Select("<script>SELECT c.process_instance_id, c.category FROM sl_case c WHERE c.status = 'open' "
            + AnalyticsMapper.RANGE + "</script>")
    List<OpenCase> openCases(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);
}
