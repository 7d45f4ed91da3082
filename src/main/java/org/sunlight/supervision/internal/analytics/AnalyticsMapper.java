package org.sunlight.supervision.internal.analytics;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Analytics over the engine's history (ACT_HI_*) and Sunlight's tables. Portable SQL (H2 2.x and MySQL 8 / MariaDB
 * 10.11): YEAR()/MONTH(), CASE, COALESCE; no window functions. Date variables are epoch milliseconds in LONG_,
 * booleans 1/0 in LONG_, numbers in DOUBLE_ (double) or LONG_ (integer, long), strings in TEXT_.
 * The period filter is on the case's start (started_at) for counts, on its end (ended_at) for closed cases.
 * <p>
 * Engine rows are joined to each other on the engine's columns (f.PROC_INST_ID_ = s.PROC_INST_ID_), and only one of
 * them to sl_case: on MySQL/MariaDB the engine's tables are utf8mb3_bin and Sunlight's utf8mb4, and a comparison
 * with a converted column cannot use that column's index (measured: a full scan of ACT_HI_VARINST per case).
 */
@Mapper
interface AnalyticsMapper {

    String RANGE = "<if test='from != null'>AND c.started_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND c.started_at &lt; #{to} </if>"
            + "<if test='department != null'>AND c.department_id = #{department} </if>";

    String CLOSED_RANGE = "<if test='from != null'>AND c.ended_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND c.ended_at &lt; #{to} </if>"
            + "<if test='department != null'>AND c.department_id = #{department} </if>";

    record Count(String key, long count) {
    }

    record MonthCount(int year, int month, long count) {
    }

    @Select("<script>SELECT c.category AS \"key\", COUNT(*) AS \"count\" FROM sl_case c WHERE 1 = 1 " + RANGE
            + "GROUP BY c.category ORDER BY c.category</script>")
    List<Count> byCategory(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    @Select("<script>SELECT c.department_id AS \"key\", COUNT(*) AS \"count\" FROM sl_case c WHERE 1 = 1 " + RANGE
            + "GROUP BY c.department_id ORDER BY c.department_id</script>")
    List<Count> byDepartment(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    @Select("<script>SELECT YEAR(c.started_at) AS \"year\", MONTH(c.started_at) AS \"month\", COUNT(*) AS \"count\" "
            + "FROM sl_case c WHERE 1 = 1 " + RANGE
            + "GROUP BY YEAR(c.started_at), MONTH(c.started_at) ORDER BY 1, 2</script>")
    List<MonthCount> byMonth(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    /** A closed case of one procedure with the dates of its limited period (start, act done, statutory due). */
    record ClosedCase(String businessKey, Long startMs, Long finishedMs, Long dueMs) {
    }

    @Select("<script>SELECT c.business_key, s.LONG_ AS start_ms, f.LONG_ AS finished_ms, d.LONG_ AS due_ms "
            + "FROM sl_case c "
            // no VAR_TYPE_ condition: with it H2 joined through the (NAME_, VAR_TYPE_) index and timed out at 100,000
            + "JOIN ACT_HI_VARINST s ON s.PROC_INST_ID_ = c.process_instance_id AND s.NAME_ = #{startVariable} "
            + "JOIN ACT_HI_VARINST f ON f.PROC_INST_ID_ = s.PROC_INST_ID_ AND f.NAME_ = #{finishedVariable} "
            + "LEFT JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = s.PROC_INST_ID_ AND d.NAME_ = #{dueVariable} "
            + "WHERE c.status = 'closed' AND c.process_key = #{processKey} AND s.LONG_ IS NOT NULL "
            + "AND f.LONG_ IS NOT NULL " + CLOSED_RANGE + "</script>")
    List<ClosedCase> closedCases(@Param("processKey") String processKey, @Param("startVariable") String startVariable,
                                 @Param("finishedVariable") String finishedVariable,
                                 @Param("dueVariable") String dueVariable, @Param("from") Date from,
                                 @Param("to") Date to, @Param("department") String department);

    /** The pauses of a procedure's closed cases (their promised due dates move by them). */
    @Select("<script>SELECT p.business_key, p.clock_name, p.reason, p.paused_at, p.resumed_at FROM sl_clock_pause p "
            + "JOIN sl_case c ON c.business_key = p.business_key "
            + "WHERE c.status = 'closed' AND c.process_key = #{processKey} AND p.clock_name = #{clock} " + CLOSED_RANGE
            + "</script>")
    List<org.sunlight.procedure.ClockPause> pausesOfClosedCases(@Param("processKey") String processKey, @Param("clock") String clock,
                                   @Param("from") Date from, @Param("to") Date to,
                                   @Param("department") String department);

    /**
     * Per category: closed cases with a decision (decisionDate). Written as joins from the variable, not as correlated
     * EXISTS: H2 answers those from the single-column NAME_ index, row by row.
     */
    String DECIDED = "FROM sl_case c JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = c.process_instance_id "
            + "AND d.NAME_ = 'decisionDate' WHERE c.status = 'closed' ";

    @Select("<script>SELECT c.category AS \"key\", COUNT(*) AS \"count\" " + DECIDED + CLOSED_RANGE
            + "GROUP BY c.category</script>")
    List<Count> decided(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    /** Per category: decided cases with at least one legal review (法制审核) called from them. */
    @Select("<script>SELECT c.category AS \"key\", COUNT(DISTINCT c.business_key) AS \"count\" "
            + "FROM ACT_HI_PROCINST r JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = r.ROOT_PROC_INST_ID_ "
            + "AND d.NAME_ = 'decisionDate' JOIN sl_case c ON c.process_instance_id = r.ROOT_PROC_INST_ID_ "
            + "WHERE r.PROC_DEF_KEY_ = 'legal-review' AND c.status = 'closed' " + CLOSED_RANGE
            + "GROUP BY c.category</script>")
    List<Count> reviewed(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    /** Per category: decided cases in which a hearing was held (hearingHeld = true). */
    @Select("<script>SELECT c.category AS \"key\", COUNT(*) AS \"count\" "
            + "FROM ACT_HI_VARINST h JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = h.PROC_INST_ID_ "
            + "AND d.NAME_ = 'decisionDate' JOIN sl_case c ON c.process_instance_id = h.PROC_INST_ID_ "
            + "WHERE h.NAME_ = 'hearingHeld' AND h.LONG_ = 1 AND c.status = 'closed' " + CLOSED_RANGE
            + "GROUP BY c.category</script>")
    List<Count> hearings(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    /** Legal reviews (法制审核) finished, and those that did not approve (reviewApproved = false). */
    record ReviewOutcome(String category, long reviews, long rejected) {
    }

    @Select("<script>SELECT c.category, COUNT(*) AS reviews, "
            + "SUM(CASE WHEN v.LONG_ = 0 THEN 1 ELSE 0 END) AS rejected "
            + "FROM ACT_HI_PROCINST r JOIN sl_case c ON c.process_instance_id = r.ROOT_PROC_INST_ID_ "
            + "LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = r.ID_ AND v.NAME_ = 'reviewApproved' "
            + "WHERE r.PROC_DEF_KEY_ = 'legal-review' AND r.END_TIME_ IS NOT NULL " + RANGE
            + "GROUP BY c.category ORDER BY c.category</script>")
    List<ReviewOutcome> reviewOutcomes(@Param("from") Date from, @Param("to") Date to,
                                       @Param("department") String department);

    /** Per officer (the case's handler): open cases, closed cases. */
    record Workload(String officerId, String departmentId, long open, long closed) {
    }

    @Select("<script>SELECT c.handler_id AS officer_id, MAX(c.department_id) AS department_id, "
            + "SUM(CASE WHEN c.status = 'open' THEN 1 ELSE 0 END) AS \"open\", "
            + "SUM(CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END) AS closed "
            + "FROM sl_case c WHERE 1 = 1 " + RANGE + "GROUP BY c.handler_id ORDER BY c.handler_id</script>")
    List<Workload> workload(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    // ---- risk flags (风险防控)

    record FineRow(String businessKey, String caseNumber, String departmentId, String handlerId, String partyName,
                   Double fine, Double minFine, Double maxFine) {
    }

    /** Closed penalty cases with a fine and the discretion range (裁量基准) it was proposed in. */
    @Select("<script>SELECT c.business_key, c.case_number, c.department_id, c.handler_id, c.party_name, "
            + "COALESCE(f.DOUBLE_, f.LONG_) AS fine, COALESCE(lo.DOUBLE_, lo.LONG_) AS min_fine, "
            + "COALESCE(hi.DOUBLE_, hi.LONG_) AS max_fine FROM sl_case c "
            + "JOIN ACT_HI_VARINST f ON f.PROC_INST_ID_ = c.process_instance_id AND f.NAME_ = 'fineAmount' "
            + "JOIN ACT_HI_VARINST lo ON lo.PROC_INST_ID_ = f.PROC_INST_ID_ AND lo.NAME_ = 'minFine' "
            + "JOIN ACT_HI_VARINST hi ON hi.PROC_INST_ID_ = f.PROC_INST_ID_ AND hi.NAME_ = 'maxFine' "
            + "WHERE c.status = 'closed' AND c.category = 'penalty' "
            + "AND COALESCE(f.DOUBLE_, f.LONG_) &gt; 0 AND COALESCE(hi.DOUBLE_, hi.LONG_) &gt; COALESCE(lo.DOUBLE_, lo.LONG_) "
            + "AND (COALESCE(f.DOUBLE_, f.LONG_) &lt;= COALESCE(lo.DOUBLE_, lo.LONG_) + #{edge} * "
            + "(COALESCE(hi.DOUBLE_, hi.LONG_) - COALESCE(lo.DOUBLE_, lo.LONG_)) "
            + "OR COALESCE(f.DOUBLE_, f.LONG_) &gt;= COALESCE(hi.DOUBLE_, hi.LONG_) - #{edge} * "
            + "(COALESCE(hi.DOUBLE_, hi.LONG_) - COALESCE(lo.DOUBLE_, lo.LONG_))) "
            + CLOSED_RANGE + "ORDER BY c.ended_at DESC</script>")
    List<FineRow> finesAtEdges(@Param("edge") double edgeShare, @Param("from") Date from, @Param("to") Date to,
                               @Param("department") String department);

    record RepeatRow(String handlerId, String departmentId, String partyName, long cases, Date firstStarted,
                     Date lastStarted) {
    }

    /** The same officer handling cases of the same party at least N times. */
    @Select("<script>SELECT c.handler_id, MAX(c.department_id) AS department_id, c.party_name, COUNT(*) AS cases, "
            + "MIN(c.started_at) AS first_started, MAX(c.started_at) AS last_started FROM sl_case c "
            + "WHERE c.party_name IS NOT NULL " + RANGE + "GROUP BY c.handler_id, c.party_name "
            + "HAVING COUNT(*) &gt;= #{min} ORDER BY COUNT(*) DESC, c.handler_id</script>")
    List<RepeatRow> repeatedParties(@Param("min") int minCases, @Param("from") Date from, @Param("to") Date to,
                                    @Param("department") String department);

    record CaseRow(String businessKey, String caseNumber, String departmentId, String handlerId, String partyName,
                   Date startedAt, Date endedAt, String detail) {
    }

    /** Closed inspections that found a problem and led to nothing: no rectification, no linked case. */
    @Select("<script>SELECT c.business_key, c.case_number, c.department_id, c.handler_id, c.party_name, c.started_at, "
            + "c.ended_at, r.TEXT_ AS detail FROM sl_case c "
            + "JOIN ACT_HI_VARINST r ON r.PROC_INST_ID_ = c.process_instance_id AND r.NAME_ = 'result' "
            + "LEFT JOIN ACT_HI_VARINST h ON h.PROC_INST_ID_ = r.PROC_INST_ID_ AND h.NAME_ = 'handlingDecision' "
            + "WHERE c.status = 'closed' AND c.category = 'inspection' AND r.TEXT_ &lt;&gt; 'compliant' "
            + "AND (h.TEXT_ IS NULL OR h.TEXT_ NOT IN ('rectify', 'penalty')) "
            // two NOT EXISTS, not one with OR: each uses its index (primary key, sl_case_link_to)
            + "AND NOT EXISTS (SELECT 1 FROM sl_case_link l WHERE l.from_key = c.business_key) "
            + "AND NOT EXISTS (SELECT 1 FROM sl_case_link t WHERE t.to_key = c.business_key) "
            + CLOSED_RANGE + "ORDER BY c.ended_at DESC</script>")
    List<CaseRow> inspectionsWithoutFollowUp(@Param("from") Date from, @Param("to") Date to,
                                             @Param("department") String department);

    record LatePublication(String businessKey, String caseNumber, String departmentId, String handlerId,
                           Date decidedAt, Date dueAt, Date publishedAt, String status) {
    }

    /** Decisions published after their due date (7 working days, RULES 1.7), or still unpublished past it. */
    @Select("<script>SELECT p.business_key, p.case_number, p.department_id, p.handler_id, p.decided_at, p.due_at, "
            + "p.published_at, p.status FROM sl_publication p "
            + "WHERE (p.published_at &gt; p.due_at OR (p.status = 'pending' AND p.due_at &lt; #{now})) "
            + "<if test='from != null'>AND p.decided_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND p.decided_at &lt; #{to} </if>"
            + "<if test='department != null'>AND p.department_id = #{department} </if>"
            + "ORDER BY p.due_at DESC</script>")
    List<LatePublication> latePublications(@Param("now") Date now, @Param("from") Date from, @Param("to") Date to,
                                           @Param("department") String department);

    // ---- case-file scores (案卷评查, table sl_case_score)

    /** Closed cases' scores in bands of ten points; vetoed files (不合格) apart. */
    record ScoreBand(int band, boolean passed, long count) {
    }

    @Select("<script>SELECT FLOOR(s.score / 10) AS band, s.passed, COUNT(*) AS \"count\" FROM sl_case_score s "
            + "WHERE 1 = 1 <if test='from != null'>AND s.closed_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND s.closed_at &lt; #{to} </if>"
            + "<if test='department != null'>AND s.department_id = #{department} </if>"
            + "GROUP BY FLOOR(s.score / 10), s.passed ORDER BY 1</script>")
    List<ScoreBand> scoreBands(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);
}
