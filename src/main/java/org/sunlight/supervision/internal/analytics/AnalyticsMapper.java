package org.sunlight.supervision.internal.analytics;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Analytics over Sunlight's tables: sl_case for counts of all cases, sl_case_summary (one row per ended case, written
 * when it ends: CaseSummaries) for what the engine's history says about closed cases. Portable SQL (H2 2.x and MySQL 8
 * / MariaDB 10.11): YEAR()/MONTH(), CASE, COALESCE; no window functions. The period filter is on the case's start
 * (started_at) for counts, on its end (ended_at) for closed cases; the table alias is c in both.
 * <p>
 * The engine's tables are not joined here: on MySQL/MariaDB they are utf8mb3_bin and Sunlight's utf8mb4, and a
 * comparison with a converted column cannot use that column's index (measured: 5 to 9 s at 100,000 closed cases
 * before the summaries; BENCHMARKS.md). Only the legal reviews of open cases are read from the engine, by id.
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

    @Select("<script>SELECT c.business_key, c.period_start_ms AS start_ms, c.period_end_ms AS finished_ms, "
            + "c.period_due_ms AS due_ms FROM sl_case_summary c "
            + "WHERE c.status = 'closed' AND c.process_key = #{processKey} AND c.period_start_ms IS NOT NULL "
            + "AND c.period_end_ms IS NOT NULL " + CLOSED_RANGE + "</script>")
    List<ClosedCase> closedCases(@Param("processKey") String processKey, @Param("from") Date from,
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
     * Per category: closed cases with a decision (a decisionDate variable); of those, the ones with at least one legal
     * review (法制审核) called from them and the ones in which a hearing was held (hearingHeld = true). One scan.
     */
    record Decided(String category, long decided, long reviewed, long hearings) {
    }

    @Select("<script>SELECT c.category, COUNT(*) AS decided, "
            + "SUM(CASE WHEN c.legal_reviews &gt; 0 THEN 1 ELSE 0 END) AS reviewed, "
            + "SUM(CASE WHEN c.hearing_held = TRUE THEN 1 ELSE 0 END) AS hearings "
            + "FROM sl_case_summary c WHERE c.status = 'closed' AND c.decision_recorded = TRUE " + CLOSED_RANGE
            + "GROUP BY c.category ORDER BY c.category</script>")
    List<Decided> decided(@Param("from") Date from, @Param("to") Date to, @Param("department") String department);

    /**
     * Legal reviews (法制审核) finished, and those that did not approve (reviewApproved = false), of ended cases (closed
     * or cancelled) started in the period; those of open cases are added from the engine (Analytics.reviews).
     */
    record ReviewOutcome(String category, long reviews, long rejected) {
    }

    @Select("<script>SELECT c.category, SUM(c.legal_reviews_ended) AS reviews, "
            + "SUM(c.legal_reviews_rejected) AS rejected FROM sl_case_summary c WHERE c.legal_reviews_ended &gt; 0 "
            + RANGE + "GROUP BY c.category ORDER BY c.category</script>")
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
            + "c.fine_amount AS fine, c.min_fine, c.max_fine FROM sl_case_summary c "
            + "WHERE c.status = 'closed' AND c.category = 'penalty' "
            + "AND c.fine_amount &gt; 0 AND c.max_fine &gt; c.min_fine "
            + "AND (c.fine_amount &lt;= c.min_fine + #{edge} * (c.max_fine - c.min_fine) "
            + "OR c.fine_amount &gt;= c.max_fine - #{edge} * (c.max_fine - c.min_fine)) "
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
            + "c.ended_at, c.inspection_result AS detail FROM sl_case_summary c "
            + "WHERE c.status = 'closed' AND c.category = 'inspection' AND c.inspection_result &lt;&gt; 'compliant' "
            + "AND (c.handling_decision IS NULL OR c.handling_decision NOT IN ('rectify', 'penalty')) "
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
