package org.sunlight.supervision.internal.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.ClockPause;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.supervision.internal.watch.DeadlineWatch;
import org.sunlight.supervision.internal.watch.WatchProperties;

/** The figures of the analytics page (执法统计分析): each method answers one chart and its table. */
@Component
@EnableConfigurationProperties(AnalyticsProperties.class)
class Analytics {

    /** Period (start inclusive, end exclusive; null = open) and department (null = all). */
    record Filter(Date from, Date to, String department) {
    }

    record Labelled(String key, String name, long count) {
    }

    record CaseCounts(List<Labelled> byCategory, List<Labelled> byDepartment, List<Labelled> byMonth) {
    }

    /** Durations in days (start of the limited period to the act: decision), against the limits. */
    record DurationRow(String processKey, String name, long closed, Double averageDays, Double p90Days,
                       String statutoryLimit, String statutoryBasis, String promisedLimit, long measuredStatutory,
                       Double withinStatutory, Double withinPromised) {
    }

    record ReviewRow(String category, String name, long decided, long reviewed, Double reviewRate, long reviews,
                     long rejected, Double rejectionRate, long hearings, Double hearingRate) {
    }

    record WorkloadRow(String officerId, String officerName, String departmentName, long open, long closed) {
    }

    record Risks(double fineEdgeShare, int repeatPartyCases, List<AnalyticsMapper.FineRow> finesAtEdges,
                 List<AnalyticsMapper.RepeatRow> repeatedParties,
                 List<AnalyticsMapper.CaseRow> inspectionsWithoutFollowUp,
                 List<AnalyticsMapper.LatePublication> latePublications) {
    }

    /** The distribution of case-file scores (案卷评查): passed files in bands of ten points, failed files apart. */
    record ScoreDistribution(List<Labelled> bands, long failed) {
    }

    static final Map<String, String> CATEGORIES = Map.of("penalty", "行政处罚", "licensing", "行政许可",
            "coercion", "行政强制", "collection", "行政征收", "inspection", "行政检查");

    private final AnalyticsMapper mapper;
    private final CaseSummaries summaries;
    private final CaseSummaryMapper summaryMapper;
    private final Organization organization;
    private final DeadlineWatch watch;
    private final StatutoryClock clock;
    private final AnalyticsProperties properties;

    Analytics(AnalyticsMapper mapper, CaseSummaries summaries, CaseSummaryMapper summaryMapper,
              Organization organization, DeadlineWatch watch, StatutoryClock clock, AnalyticsProperties properties) {
        this.mapper = mapper;
        this.summaries = summaries;
        this.summaryMapper = summaryMapper;
        this.organization = organization;
        this.watch = watch;
        this.clock = clock;
        this.properties = properties;
    }

    CaseCounts cases(Filter f) {
        List<Labelled> categories = mapper.byCategory(f.from(), f.to(), f.department()).stream()
                .map(c -> new Labelled(c.key(), CATEGORIES.getOrDefault(c.key(), c.key()), c.count())).toList();
        List<Labelled> departments = mapper.byDepartment(f.from(), f.to(), f.department()).stream()
                .map(c -> new Labelled(c.key(), departmentName(c.key()), c.count())).toList();
        List<Labelled> months = mapper.byMonth(f.from(), f.to(), f.department()).stream()
                .map(m -> {
                    String key = String.format("%d-%02d", m.year(), m.month());
                    return new Labelled(key, m.year() + "年" + m.month() + "月", m.count());
                }).toList();
        return new CaseCounts(categories, departments, months);
    }

    List<DurationRow> durations(Filter f) {
        summaries.catchUp();
        List<DurationRow> rows = new ArrayList<>();
        watch.properties().procedures().forEach((processKey, p) -> {
            // the period's start, end and due date as the case's summary took them from p's variables
            List<AnalyticsMapper.ClosedCase> closed = mapper.closedCases(processKey, f.from(), f.to(),
                    f.department());
            // days each case's clock stood still, read for all cases at once (one query, not one per case)
            Map<String, Integer> paused = new HashMap<>();
            if (p.clock() != null && !p.clock().isBlank()) {
                for (ClockPause pause : mapper.pausesOfClosedCases(processKey, p.clock(), f.from(), f.to(),
                        f.department())) {
                    paused.merge(pause.businessKey(), pausedDays(pause, p.promised()), Integer::sum);
                }
            }
            double[] days = new double[closed.size()];
            long measured = 0;
            long withinStatutory = 0;
            long withinPromised = 0;
            // promised due dates of cases that never stood still depend on the start day only
            Map<LocalDate, Date> promisedByStartDay = new HashMap<>();
            for (int i = 0; i < closed.size(); i++) {
                AnalyticsMapper.ClosedCase c = closed.get(i);
                days[i] = (c.finishedMs() - c.startMs()) / 86_400_000.0;
                if (c.dueMs() != null) {
                    measured++;
                    if (c.finishedMs() <= c.dueMs()) {
                        withinStatutory++;
                    }
                }
                if (p.promised() != null) {
                    Date start = new Date(c.startMs());
                    Date due = paused.containsKey(c.businessKey())
                            ? watch.promisedDue(p, start, paused.get(c.businessKey()))
                            : promisedByStartDay.computeIfAbsent(clock.toDate(start),
                                    d -> watch.promisedDue(p, start, 0));
                    if (c.finishedMs() <= due.getTime()) {
                        withinPromised++;
                    }
                }
            }
            Arrays.sort(days);
            int n = days.length;
            rows.add(new DurationRow(processKey, p.name(), n, n == 0 ? null : round(Arrays.stream(days).average().orElse(0)),
                    n == 0 ? null : round(days[(int) Math.ceil(0.9 * n) - 1]), p.statutory().text(),
                    p.statutory().basis(), p.promised() == null ? null : p.promised().text(), measured,
                    share(withinStatutory, measured), p.promised() == null ? null : share(withinPromised, n)));
        });
        return rows;
    }

    /** Days a pause lasted, counted as CaseClocks counts them (working or calendar days, an open pause to today). */
    private int pausedDays(ClockPause pause, WatchProperties.Limit limit) {
        LocalDate from = clock.toDate(pause.pausedAt());
        LocalDate to = pause.resumedAt() == null ? clock.today() : clock.toDate(pause.resumedAt());
        return limit != null && limit.workingDays() ? clock.workingDaysBetween(from, to)
                : (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
    }

    List<ReviewRow> reviews(Filter f) {
        summaries.catchUp();
        Map<String, AnalyticsMapper.ReviewOutcome> outcomes = new HashMap<>();
        mapper.reviewOutcomes(f.from(), f.to(), f.department()).forEach(o -> outcomes.put(o.category(), o));
        openCaseReviews(f).forEach(o -> outcomes.merge(o.category(), o, (a, b) -> new AnalyticsMapper.ReviewOutcome(
                a.category(), a.reviews() + b.reviews(), a.rejected() + b.rejected())));
        return mapper.decided(f.from(), f.to(), f.department()).stream()
                .sorted(java.util.Comparator.comparing(AnalyticsMapper.Decided::category)).map(d -> {
            AnalyticsMapper.ReviewOutcome o = outcomes.getOrDefault(d.category(),
                    new AnalyticsMapper.ReviewOutcome(d.category(), 0, 0));
            return new ReviewRow(d.category(), CATEGORIES.getOrDefault(d.category(), d.category()), d.decided(),
                    d.reviewed(), share(d.reviewed(), d.decided()), o.reviews(), o.rejected(),
                    share(o.rejected(), o.reviews()), d.hearings(), share(d.hearings(), d.decided()));
        }).toList();
    }

    /**
     * The finished legal reviews of open cases started in the period, per category: read from the engine by the
     * cases' process instance ids (open cases have no summary yet).
     */
    private List<AnalyticsMapper.ReviewOutcome> openCaseReviews(Filter f) {
        Map<String, String> categories = new HashMap<>();
        summaryMapper.openCases(f.from(), f.to(), f.department())
                .forEach(c -> categories.put(c.processInstanceId(), c.category()));
        Map<String, long[]> counts = new java.util.TreeMap<>();
        List<String> ids = new ArrayList<>(categories.keySet());
        for (int i = 0; i < ids.size(); i += CaseSummaries.BATCH) {
            for (CaseSummaryMapper.Review r : summaryMapper.reviews(ids.subList(i, Math.min(ids.size(),
                    i + CaseSummaries.BATCH)))) {
                if (r.ended()) {
                    long[] c = counts.computeIfAbsent(categories.get(r.rootProcessInstanceId()), k -> new long[2]);
                    c[0]++;
                    if (r.approved() != null && r.approved() == 0) {
                        c[1]++;
                    }
                }
            }
        }
        List<AnalyticsMapper.ReviewOutcome> outcomes = new ArrayList<>();
        counts.forEach((category, c) -> outcomes.add(new AnalyticsMapper.ReviewOutcome(category, c[0], c[1])));
        return outcomes;
    }

    List<WorkloadRow> workload(Filter f) {
        return mapper.workload(f.from(), f.to(), f.department()).stream()
                .map(w -> new WorkloadRow(w.officerId(), officerName(w.officerId()), departmentName(w.departmentId()),
                        w.open(), w.closed())).toList();
    }

    Risks risks(Filter f) {
        summaries.catchUp();
        return new Risks(properties.fineEdgeShare(), properties.repeatPartyCases(),
                mapper.finesAtEdges(properties.fineEdgeShare(), f.from(), f.to(), f.department()),
                mapper.repeatedParties(properties.repeatPartyCases(), f.from(), f.to(), f.department()),
                mapper.inspectionsWithoutFollowUp(f.from(), f.to(), f.department()),
                mapper.latePublications(clock.now(), f.from(), f.to(), f.department()));
    }

    /**
     * Scores in bands of ten points, from the stored case-file scores (sl_case_score); files that failed on a veto
     * item are counted apart.
     */
    ScoreDistribution scores(Filter f) {
        Map<Integer, Long> bands = new java.util.TreeMap<>();
        long failed = 0;
        for (AnalyticsMapper.ScoreBand b : mapper.scoreBands(f.from(), f.to(), f.department())) {
            if (!b.passed()) {
                failed += b.count();
            } else {
                bands.merge(Math.min(b.band(), 9), b.count(), Long::sum);
            }
        }
        List<Labelled> labelled = new ArrayList<>();
        bands.forEach((band, count) -> labelled.add(new Labelled(String.valueOf(band * 10),
                band == 9 ? "90–100分" : band * 10 + "–" + (band * 10 + 9) + "分", count)));
        return new ScoreDistribution(labelled, failed);
    }

    String departmentName(String id) {
        return id == null ? "" : organization.department(id).map(Department::name).orElse(id);
    }

    String officerName(String id) {
        return id == null ? "" : organization.officer(id).map(Officer::name).orElse(id);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
