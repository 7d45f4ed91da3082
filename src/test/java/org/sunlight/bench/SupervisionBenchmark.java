package org.sunlight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.supervision.GeneratedHistory;
import org.sunlight.supervision.GeneratedHistory.Case;
import org.sunlight.supervision.internal.analytics.AnalyticsProbe;
import org.sunlight.supervision.internal.watch.DeadlineWatchProbe;

/**
 * Benchmark of the supervision queries (issue 8), run by {@code mvn -q -Pbench test -Dtest=SupervisionBenchmark}:
 * 100,000 closed cases' history generated straight into the tables (sl_case, ACT_HI_PROCINST, ACT_HI_VARINST,
 * sl_publication, sl_case_link, sl_clock_pause; batch inserts, about 7 rows a case), plus open penalty cases driven
 * through the engine and past their limits for the deadline list; the closed cases' summaries (sl_case_summary) are
 * backfilled and timed, as for cases closed before that table existed; then each analytics query and the deadline list,
 * median and slowest of 10 runs after 3 warm-up runs, over all time and over one year. Figures go to
 * target/bench/supervision.md and, by hand, to BENCHMARKS.md. Not a test: it asserts nothing.
 */
class SupervisionBenchmark extends ProcessTest {

    protected String database() {
        return "H2 in memory (test profile)";
    }

    protected String reportName() {
        return "supervision.md";
    }

    private static final int CASES = Integer.getInteger("bench.closedCases", 100_000);
    private static final int OPEN_CASES = Integer.getInteger("bench.openCases", 100);
    private static final int BATCH = 5_000;
    private static final String[] HANDLERS = {"zhangsan", "lisi", "zhouba", "wujiu", "o01", "o02", "o03", "o04", "o05",
            "o06", "o07", "o08", "o09", "o10", "o11", "o12", "o13", "o14", "o15", "o16"};

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired AnalyticsProbe analytics;
    @Autowired DeadlineWatchProbe watch;

    private final StringBuilder report = new StringBuilder();

    @Test
    void supervisionQueriesWith100000ClosedCases() throws IOException {
        line("# Supervision benchmark");
        line("");
        line("- date: " + LocalDate.now() + ", machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap, Java " + System.getProperty("java.version")
                + ", database: " + database() + ", load average at start: " + loadAverage());
        long t0 = System.nanoTime();
        generate();
        line(String.format(Locale.ROOT, "- generated %,d closed cases (%,d history variables, %,d process instances) in %.1f s",
                CASES, jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class), (System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        int summarized = analytics.backfill();
        line(String.format(Locale.ROOT, "- backfilled %,d case summaries (sl_case_summary, as for cases closed before "
                + "the table existed) in %.1f s", summarized, (System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        openCases();
        line(String.format(Locale.ROOT, "- drove %d open penalty cases through filing, now past their 90 days, in %.1f s",
                OPEN_CASES, (System.nanoTime() - t0) / 1e9));
        ClockUtil.reset();
        if (Boolean.getBoolean("bench.explain")) {
            explain();
        }
        line("");
        line("| query | period | rows answered | median (ms) | slowest (ms) |");
        line("|---|---|---|---|---|");
        Date yearFrom = Date.from(LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toInstant());
        Date yearTo = Date.from(LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toInstant());
        time("deadline list (open cases and tasks)", "now", watch::all);
        for (Map.Entry<String, Supplier<Integer>> q : analytics.queries(null, null).entrySet()) {
            time(q.getKey(), "all time", q.getValue());
        }
        for (Map.Entry<String, Supplier<Integer>> q : analytics.queries(yearFrom, yearTo).entrySet()) {
            time(q.getKey(), "2025", q.getValue());
        }
        line("");
        line("- load average at end: " + loadAverage());
        Path out = Path.of("target", "bench", reportName());
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** The plans of the heaviest queries, to see which indexes the database chose. */
    private void explain() {
        String durations = "SELECT c.business_key, c.period_start_ms, c.period_end_ms, c.period_due_ms "
                + "FROM sl_case_summary c WHERE c.status = 'closed' AND c.process_key = 'penalty-general' "
                + "AND c.period_start_ms IS NOT NULL AND c.period_end_ms IS NOT NULL";
        for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + durations)) {
            line("    " + row.values().toString().replace('\n', ' '));
        }
        long t = System.nanoTime();
        int n = jdbc.queryForList(durations).size();
        line(String.format(Locale.ROOT, "    durations SQL alone: %d rows in %.1f ms", n, (System.nanoTime() - t) / 1e6));
    }

    private void time(String name, String period, Supplier<Integer> query) {
        int rows = 0;
        for (int i = 0; i < 3; i++) {
            rows = query.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            query.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        line(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |", name, period, rows,
                (ms.get(4) + ms.get(5)) / 2, ms.get(9)));
    }

    /** 40 % general penalty, 30 % licensing, 20 % inspection, 10 % seizure; started 2024-01 .. 2026-10. */
    private void generate() {
        Random random = new Random(42);
        long first = Date.from(LocalDate.of(2024, 1, 1).atStartOfDay(ZONE).toInstant()).getTime();
        long span = 1000L * 86_400_000L;
        GeneratedHistory history = new GeneratedHistory(jdbc);
        for (int i = 0; i < CASES; i++) {
            Date started = new Date(first + (long) (random.nextDouble() * span));
            String handler = HANDLERS[random.nextInt(HANDLERS.length)];
            String department = random.nextBoolean() ? "zhifa" : "zhijian";
            String party = "某某建设工程有限公司" + random.nextInt(20_000);
            int kind = random.nextInt(10);
            if (kind < 4) {
                Date decided = days(started, 10 + random.nextInt(110));
                Date ended = days(decided, 5 + random.nextInt(30));
                double min = 10_000 * (1 + random.nextInt(5));
                double max = min * 3;
                Case c = GeneratedHistory.closed("CF-" + i, "penalty-general", "penalty", department, handler, party,
                        started, ended).with("filingDate", started).with("decisionDate", decided)
                        .with("decisionDeadline", days(started, 90)).with("fineAmount", min + random.nextDouble() * (max - min))
                        .with("minFine", min).with("maxFine", max).with("hearingHeld", random.nextInt(10) == 0);
                history.add(c);
                if (random.nextInt(10) < 3) {
                    history.legalReview(c, random.nextInt(10) > 0);
                }
                if (random.nextInt(10) < 8) {
                    Date due = days(decided, 9);
                    history.publication(c, decided, due, days(decided, random.nextInt(10) == 0 ? 12 : 3), "published");
                }
            } else if (kind < 7) {
                Date decided = days(started, 5 + random.nextInt(35));
                Case c = GeneratedHistory.closed("XK-" + i, "licensing", "licensing", department, handler, party,
                        started, days(decided, 3)).with("decisionStart", started).with("decisionDate", decided)
                        .with("decisionDue", days(started, 28));
                history.add(c);
                if (random.nextInt(10) == 0) {
                    history.pause(c, "decision", days(started, 3), days(started, 10));
                }
            } else if (kind < 9) {
                String result = random.nextInt(10) < 7 ? "compliant" : random.nextBoolean() ? "rectify" : "penalty";
                Case c = GeneratedHistory.closed("JC-" + i, "inspection", "inspection", department, handler, party,
                        started, days(started, 10 + random.nextInt(20))).with("result", result);
                if (!"compliant".equals(result)) {
                    c = c.with("handlingDecision", random.nextInt(5) == 0 ? "none" : result);
                }
                history.add(c);
                if ("penalty".equals(result) && random.nextBoolean()) {
                    history.link(c.key(), "CF-" + random.nextInt(CASES));
                }
            } else {
                Date decided = days(started, 5 + random.nextInt(35));
                Case c = GeneratedHistory.closed("QZ-" + i, "coercive-measure", "coercion", department, handler, party,
                        started, days(decided, 2)).with("measureStart", started).with("decisionDate", decided)
                        .with("measureDeadline", days(started, 30));
                history.add(c);
                if (random.nextInt(10) == 0) {
                    history.pause(c, "measure", days(started, 2), days(started, 9));
                }
            }
            if ((i + 1) % BATCH == 0 || i == CASES - 1) {
                transaction.executeWithoutResult(s -> history.flush());
            }
        }
    }

    private void openCases() {
        at(LocalDateTime.of(2026, 1, 5, 9, 0));
        for (int i = 0; i < OPEN_CASES; i++) {
            ProcessInstance c = start("zhangsan", "penalty-general", Map.of("caseSource", "inspection",
                    "partyType", "organization", "partyName", "在办公司" + i, "partyIdNumber", "91210100MA0Y6XQ12A",
                    "partyAddress", "沈阳市和平区南京北街1号", "partyPhone", "024-23456789", "violationCode", "quality-59",
                    "violationDate", "2025-12-10", "discoveredDate", "2025-12-27", "caseSummary", "基准测试在办案件"));
            submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                    "filingOpinion", ""));
        }
    }

    private static Date days(Date from, int days) {
        return new Date(from.getTime() + days * 86_400_000L);
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
