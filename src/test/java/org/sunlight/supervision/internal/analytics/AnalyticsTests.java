package org.sunlight.supervision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.supervision.GeneratedHistory.closed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.supervision.GeneratedHistory;
import org.sunlight.supervision.GeneratedHistory.Case;

/**
 * The analytics on generated history. Each test writes its cases under a department of its own, so that the cases
 * other tests leave in the shared database do not count; each risk flag has a case that raises it and one that does
 * not.
 */
class AnalyticsTests extends ProcessTest {

    @Autowired Analytics analytics;
    @Autowired JdbcTemplate jdbc;

    String department;
    Analytics.Filter all;
    GeneratedHistory history;

    @BeforeEach
    void ownDepartment() {
        department = "gen" + UUID.randomUUID().toString().substring(0, 8);
        all = new Analytics.Filter(null, null, department);
        history = new GeneratedHistory(jdbc);
    }

    static Date day(int year, int month, int day) {
        return instant(LocalDateTime.of(year, month, day, 10, 0));
    }

    Case penalty(String handler, String party, Date started, Date ended) {
        return closed(GeneratedHistory.newKey("CF"), "penalty-general", "penalty", department, handler, party, started,
                ended);
    }

    @Test
    void finesInTheLowestOrHighestFivePercentOfTheDiscretionRangeAreFlagged() {
        Case atMinimum = penalty("zhangsan", "甲公司", day(2026, 1, 5), day(2026, 2, 5))
                .with("fineAmount", 10_000.0).with("minFine", 10_000).with("maxFine", 30_000);
        Case middle = penalty("zhangsan", "乙公司", day(2026, 1, 5), day(2026, 2, 5))
                .with("fineAmount", 20_000.0).with("minFine", 10_000).with("maxFine", 30_000);
        Case nearMaximum = penalty("lisi", "丙公司", day(2026, 1, 5), day(2026, 2, 5))
                .with("fineAmount", 29_500.0).with("minFine", 10_000.0).with("maxFine", 30_000.0);
        Case justInside = penalty("lisi", "丁公司", day(2026, 1, 5), day(2026, 2, 5))
                .with("fineAmount", 28_500.0).with("minFine", 10_000.0).with("maxFine", 30_000.0);
        history.add(atMinimum).add(middle).add(nearMaximum).add(justInside).flush();

        assertThat(analytics.risks(all).finesAtEdges()).extracting(AnalyticsMapper.FineRow::businessKey)
                .containsExactlyInAnyOrder(atMinimum.key(), nearMaximum.key());
    }

    @Test
    void theSameOfficerHandlingTheSamePartyThreeTimesIsFlagged() {
        for (int i = 0; i < 3; i++) {
            history.add(penalty("zhangsan", "反复公司", day(2026, 1, 5 + i), day(2026, 2, 5)));
        }
        for (int i = 0; i < 2; i++) {
            history.add(penalty("zhangsan", "两次公司", day(2026, 1, 5 + i), day(2026, 2, 5)));
        }
        // three cases of one party, but by different officers
        history.add(penalty("zhangsan", "轮换公司", day(2026, 1, 5), day(2026, 2, 5)))
                .add(penalty("lisi", "轮换公司", day(2026, 1, 6), day(2026, 2, 5)))
                .add(penalty("lisi", "轮换公司", day(2026, 1, 7), day(2026, 2, 5))).flush();

        List<AnalyticsMapper.RepeatRow> repeats = analytics.risks(all).repeatedParties();
        assertThat(repeats).extracting(AnalyticsMapper.RepeatRow::partyName).containsExactly("反复公司");
        assertThat(repeats.get(0).cases()).isEqualTo(3);
        assertThat(repeats.get(0).handlerId()).isEqualTo("zhangsan");
    }

    @Test
    void anInspectionThatFoundAProblemAndLedToNothingIsFlagged() {
        Case ignored = inspection().with("result", "rectify").with("handlingDecision", "none");
        Case rectified = inspection().with("result", "rectify").with("handlingDecision", "rectify");
        Case compliant = inspection().with("result", "compliant");
        Case followedByPenalty = inspection().with("result", "penalty").with("handlingDecision", "none");
        Case penalty = penalty("zhangsan", "检查对象", day(2026, 3, 1), day(2026, 4, 1));
        history.add(ignored).add(rectified).add(compliant).add(followedByPenalty).add(penalty)
                .link(followedByPenalty.key(), penalty.key()).flush();

        assertThat(analytics.risks(all).inspectionsWithoutFollowUp()).extracting(AnalyticsMapper.CaseRow::businessKey)
                .containsExactly(ignored.key());
    }

    private Case inspection() {
        return closed(GeneratedHistory.newKey("JC"), "inspection", "inspection", department, "zhangsan", "检查对象",
                day(2026, 2, 1), day(2026, 2, 20));
    }

    @Test
    void aDecisionPublishedAfterItsDueDateOrStillPendingPastItIsFlagged() {
        Case late = penalty("zhangsan", "甲", day(2026, 1, 5), day(2026, 2, 5));
        Case inTime = penalty("zhangsan", "乙", day(2026, 1, 5), day(2026, 2, 5));
        Case pendingPastDue = penalty("zhangsan", "丙", day(2026, 1, 5), day(2026, 2, 5));
        Case pendingInTime = penalty("zhangsan", "丁", day(2026, 1, 5), day(2026, 2, 5));
        at(LocalDateTime.of(2026, 3, 2, 9, 0));
        history.add(late).add(inTime).add(pendingPastDue).add(pendingInTime)
                .publication(late, day(2026, 2, 1), endOf(LocalDate.of(2026, 2, 10)), day(2026, 2, 11), "published")
                .publication(inTime, day(2026, 2, 1), endOf(LocalDate.of(2026, 2, 10)), day(2026, 2, 10), "published")
                .publication(pendingPastDue, day(2026, 2, 20), endOf(LocalDate.of(2026, 3, 1)), null, "pending")
                .publication(pendingInTime, day(2026, 2, 27), endOf(LocalDate.of(2026, 3, 6)), null, "pending")
                .flush();

        assertThat(analytics.risks(all).latePublications()).extracting(AnalyticsMapper.LatePublication::businessKey)
                .containsExactlyInAnyOrder(late.key(), pendingPastDue.key());
    }

    @Test
    void durationsAverageAndNinetiethPercentileAndSharesWithinTheStatutoryAndPromisedLimits() {
        // ten penalty cases filed on Monday 2026-01-05, decided after 10, 20, ..., 100 days; statutory due 90 days
        // later (2026-04-05 is a Sunday in the Qingming holiday: the procedure moved it to Tuesday 04-07); promised 60
        // days: Friday 2026-03-06
        Date filed = instant(LocalDateTime.of(2026, 1, 5, 9, 0));
        Date statutoryDue = endOf(LocalDate.of(2026, 4, 7));
        for (int i = 1; i <= 10; i++) {
            Date decided = new Date(filed.getTime() + i * 10L * 86_400_000L);
            history.add(penalty("zhangsan", "公司" + i, filed, decided).with("filingDate", filed)
                    .with("decisionDate", decided).with("decisionDeadline", statutoryDue));
        }
        history.flush();

        Analytics.DurationRow penalty = analytics.durations(all).stream()
                .filter(r -> r.processKey().equals("penalty-general")).findFirst().orElseThrow();
        assertThat(penalty.closed()).isEqualTo(10);
        assertThat(penalty.averageDays()).isEqualTo(55.0);
        assertThat(penalty.p90Days()).isEqualTo(90.0);
        assertThat(penalty.statutoryLimit()).isEqualTo("90日");
        assertThat(penalty.statutoryBasis()).contains("行政处罚法第六十条");
        assertThat(penalty.promisedLimit()).isEqualTo("60日");
        // within 90 days by 04-07: 10..90 days (9 of 10); within the promise by 03-06: 10..60 days (6 of 10)
        assertThat(penalty.withinStatutory()).isEqualTo(0.9);
        assertThat(penalty.withinPromised()).isEqualTo(0.6);
    }

    @Test
    void aPauseOfTheCaseClockMovesThePromisedLimitByItsWorkingDays() {
        // licensing, promised 10 working days from Monday 2026-03-02: Monday 03-16; an expert review from 03-04 to
        // 03-09 stops the clock for 3 working days (03-05, 03-06, 03-09): Thursday 03-19
        Date start = instant(LocalDateTime.of(2026, 3, 2, 0, 0));
        Case pausedWithin = licensing(start, day(2026, 3, 18));
        Case pausedLate = licensing(start, day(2026, 3, 20));
        Case within = licensing(start, day(2026, 3, 16));
        Case late = licensing(start, day(2026, 3, 17));
        history.add(pausedWithin).add(pausedLate).add(within).add(late)
                .pause(pausedWithin, "decision", day(2026, 3, 4), day(2026, 3, 9))
                .pause(pausedLate, "decision", day(2026, 3, 4), day(2026, 3, 9)).flush();

        Analytics.DurationRow licensing = analytics.durations(all).stream()
                .filter(r -> r.processKey().equals("licensing")).findFirst().orElseThrow();
        assertThat(licensing.closed()).isEqualTo(4);
        assertThat(licensing.promisedLimit()).isEqualTo("10个工作日");
        assertThat(licensing.withinPromised()).isEqualTo(0.5);
    }

    private Case licensing(Date start, Date decided) {
        return closed(GeneratedHistory.newKey("XK"), "licensing", "licensing", department, "lisi", "申请人", start,
                decided).with("decisionStart", start).with("decisionDate", decided);
    }

    @Test
    void legalReviewRateRejectionRateAndHearingRatePerCategory() {
        for (int i = 0; i < 4; i++) {
            Case c = penalty("zhangsan", "公司" + i, day(2026, 1, 5), day(2026, 3, 5))
                    .with("decisionDate", day(2026, 3, 1)).with("hearingHeld", i == 0);
            history.add(c);
            if (i < 2) {
                history.legalReview(c, i == 0);
            }
            if (i == 0) {
                history.legalReview(c, true);
            }
        }
        // a closed case without a decision (not filed) does not count
        history.add(penalty("zhangsan", "未立案公司", day(2026, 1, 5), day(2026, 1, 6))).flush();

        Analytics.ReviewRow row = analytics.reviews(all).stream().filter(r -> r.category().equals("penalty"))
                .findFirst().orElseThrow();
        assertThat(row.decided()).isEqualTo(4);
        assertThat(row.reviewed()).isEqualTo(2);
        assertThat(row.reviewRate()).isEqualTo(0.5);
        assertThat(row.reviews()).isEqualTo(3);
        assertThat(row.rejected()).isEqualTo(1);
        assertThat(row.rejectionRate()).isEqualTo(0.3333);
        assertThat(row.hearings()).isEqualTo(1);
        assertThat(row.hearingRate()).isEqualTo(0.25);
    }

    @Test
    void scoreDistributionInBandsWithVetoedFilesApart() {
        int[][] scores = {{95, 1}, {100, 1}, {85, 1}, {88, 1}, {81, 1}, {62, 1}, {40, 0}};
        for (int[] score : scores) {
            jdbc.update("INSERT INTO sl_case_score (business_key, process_key, department_id, handler_id, score, passed, "
                    + "veto_count, checklist_id, checklist_version, findings, closed_at, scored_at) "
                    + "VALUES (?, 'penalty-general', ?, 'zhangsan', ?, ?, ?, 'case-file-checklist', 1, '[]', ?, ?)",
                    GeneratedHistory.newKey("CF"), department, score[0], score[1] == 1, 1 - score[1],
                    day(2026, 3, 1), day(2026, 3, 1));
        }
        Analytics.ScoreDistribution distribution = analytics.scores(all);
        assertThat(distribution.failed()).isEqualTo(1);
        assertThat(distribution.bands()).extracting(Analytics.Labelled::name, Analytics.Labelled::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("60–69分", 1L), org.assertj.core.groups.Tuple.tuple("80–89分", 3L),
                org.assertj.core.groups.Tuple.tuple("90–100分", 2L));
    }

    @Test
    void casesByCategoryDepartmentAndMonthAndWorkload() {
        history.add(penalty("zhangsan", "甲", day(2026, 1, 5), day(2026, 2, 5)))
                .add(penalty("zhangsan", "乙", day(2026, 2, 5), null))
                .add(closed(GeneratedHistory.newKey("XK"), "licensing", "licensing", department, "lisi", "丙",
                        day(2026, 2, 6), day(2026, 2, 20))).flush();

        Analytics.CaseCounts counts = analytics.cases(all);
        assertThat(counts.byCategory()).extracting(Analytics.Labelled::name, Analytics.Labelled::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("行政许可", 1L),
                        org.assertj.core.groups.Tuple.tuple("行政处罚", 2L));
        assertThat(counts.byMonth()).extracting(Analytics.Labelled::key, Analytics.Labelled::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01", 1L),
                        org.assertj.core.groups.Tuple.tuple("2026-02", 2L));
        assertThat(counts.byDepartment()).extracting(Analytics.Labelled::count).containsExactly(3L);
        // a period: February only
        Analytics.Filter february = new Analytics.Filter(day(2026, 2, 1), day(2026, 3, 1), department);
        assertThat(analytics.cases(february).byMonth()).extracting(Analytics.Labelled::key).containsExactly("2026-02");

        assertThat(analytics.workload(all)).extracting(Analytics.WorkloadRow::officerName,
                Analytics.WorkloadRow::open, Analytics.WorkloadRow::closed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("李四", 0L, 1L), org.assertj.core.groups.Tuple.tuple("张三", 1L, 1L));
    }
}
