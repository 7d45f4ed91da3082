package org.sunlight.supervision.internal.analytics;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/** The analytics queries by name, for the benchmark (outside this package). Each answers how many rows it read. */
@Component
public class AnalyticsProbe {

    private final Analytics analytics;
    private final AnalyticsMapper mapper;
    private final CaseSummaries summaries;

    AnalyticsProbe(Analytics analytics, AnalyticsMapper mapper, CaseSummaries summaries) {
        this.analytics = analytics;
        this.mapper = mapper;
        this.summaries = summaries;
    }

    /** Summarizes the ended cases that have none (generated history has none): how many it wrote. */
    public int backfill() {
        return summaries.backfill();
    }

    public Map<String, Supplier<Integer>> queries(Date from, Date to) {
        Analytics.Filter f = new Analytics.Filter(from, to, null);
        Map<String, Supplier<Integer>> q = new LinkedHashMap<>();
        q.put("cases by category, department, month", () -> {
            Analytics.CaseCounts c = analytics.cases(f);
            return c.byCategory().size() + c.byDepartment().size() + c.byMonth().size();
        });
        q.put("durations vs statutory and promised limits", () -> analytics.durations(f).size());
        q.put("legal review, rejection and hearing rates", () -> analytics.reviews(f).size());
        q.put("officer workload", () -> analytics.workload(f).size());
        q.put("risk: fines at the edges of the range", () -> mapper.finesAtEdges(0.05, from, to, null).size());
        q.put("risk: same officer, same party", () -> mapper.repeatedParties(3, from, to, null).size());
        q.put("risk: inspections without follow-up", () -> mapper.inspectionsWithoutFollowUp(from, to, null).size());
        q.put("risk: decisions published late", () -> mapper.latePublications(new Date(), from, to, null).size());
        return q;
    }
}
