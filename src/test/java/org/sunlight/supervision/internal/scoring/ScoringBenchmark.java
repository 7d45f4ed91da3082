package org.sunlight.supervision.internal.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunlight.procedure.CaseInfo;

/**
 * Benchmarks of 案卷评查, run by {@code mvn -q -Pbench test -Dtest=ScoringBenchmark}; figures go to
 * target/bench/scoring.md and, by hand, to BENCHMARKS.md.
 * <ol>
 * <li>Scoring one closed penalty case (history queries, DMN evaluation, proofs' record entries, store): median over
 * cases closed through the real engine.</li>
 * <li>A page of the score list (sorted by score, by date, filtered by department) and the count, with 10,000 stored
 * scores (rows inserted directly; the list reads sl_case_score only).</li>
 * </ol>
 * Not a test: it asserts nothing; the numbers are the result.
 */
class ScoringBenchmark extends ScoringProcessTest {

    private static final int CASES = Integer.getInteger("bench.scoringCases", 20);
    private static final int ROWS = Integer.getInteger("bench.scoreRows", 10_000);
    private static final int SAMPLES = 20;

    @Test
    void scoring() throws IOException {
        List<CaseInfo> closed = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            at(LocalDateTime.of(2026, 3, 2, 9, 0));
            closed.add(cases.find(clean().getBusinessKey()).orElseThrow());
        }
        // warm-up, then the measured rounds (each rescoring from scratch: the stored row is deleted first)
        for (CaseInfo info : closed.subList(0, Math.min(5, closed.size()))) {
            mapper.delete(info.businessKey());
            scoring.current(info);
        }
        List<Double> perCase = new ArrayList<>();
        for (CaseInfo info : closed) {
            mapper.delete(info.businessKey());
            long start = System.nanoTime();
            scoring.current(info);
            perCase.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> precheck = new ArrayList<>();
        for (CaseInfo info : closed) {
            long start = System.nanoTime();
            scoring.precheck(info);
            precheck.add((System.nanoTime() - start) / 1e6);
        }

        Date closedAt = instant(LocalDateTime.of(2026, 3, 20, 10, 0));
        String findings = mapper.find(closed.get(0).businessKey()).findings();
        int version = mapper.find(closed.get(0).businessKey()).checklistVersion();
        String checklistId = mapper.find(closed.get(0).businessKey()).checklistId();
        for (int i = 0; i < ROWS; i++) {
            mapper.insert(new StoredScore("BENCH-" + i, "市建罚〔2026〕" + i + "号", "penalty-general",
                    i % 3 == 0 ? "zhijian" : "zhifa", "zhangsan", "当事人" + i, 100 - (i % 40), 100 - (i % 40) >= 60,
                    0, checklistId, version, findings, new Date(closedAt.getTime() + i * 60_000L), closedAt));
        }
        List<Double> byScore = time(() -> mapper.list(filter(null, "score desc")));
        List<Double> byDate = time(() -> mapper.list(filter(null, "closed_at desc")));
        List<Double> byDepartment = time(() -> mapper.list(filter("zhijian", "score asc")));
        List<Double> count = time(() -> mapper.count(filter(null, "score desc")));
        List<Double> lastPage = time(() -> mapper.list(new ScoreFilter(null, null, null, null, null, null,
                "score desc", 20, ROWS - 20)));

        String report = "# Case-file scoring benchmark\n\n"
                + "Measured " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAverage() + ", H2 in memory (test profile).\n\n"
                + "| what | median ms | max ms | samples |\n|---|---|---|---|\n"
                + row("score one closed case (history, DMN, record entries, store)", perCase)
                + row("pre-check one case (nothing stored)", precheck)
                + row("list page (20) sorted by score, " + ROWS + " scores", byScore)
                + row("list page (20) sorted by closing date, " + ROWS + " scores", byDate)
                + row("list page (20) of one department sorted by score, " + ROWS + " scores", byDepartment)
                + row("count of the list, " + ROWS + " scores", count)
                + row("last list page (offset " + (ROWS - 20) + ")", lastPage);
        Path out = Path.of("target/bench/scoring.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static ScoreFilter filter(String department, String orderBy) {
        return new ScoreFilter(department, null, null, null, null, null, orderBy, 20, 0);
    }

    private static List<Double> time(Runnable query) {
        for (int i = 0; i < 3; i++) {
            query.run();
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            query.run();
            samples.add((System.nanoTime() - start) / 1e6);
        }
        return samples;
    }

    private static String row(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return String.format("| %s | %.1f | %.1f | %d |%n", what, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
