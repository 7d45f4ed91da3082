package org.sunlight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.sunlight.Rest;
import org.sunlight.record.internal.RecordProperties;

/**
 * Benchmarks of the whole-process record (issue 3), run by {@code mvn -q -Pbench test}; figures go to
 * target/bench/record.md and, by hand, to BENCHMARKS.md.
 * <ol>
 * <li>What the hash chain adds to a task completion: the same ten-step cases, completed with form values as
 * authenticated officers, in alternating rounds with the chain on and off ({@code sunlight.record.chain.enabled},
 * switched in-process between rounds so that both see the same JVM, JIT and database).</li>
 * <li>Record and verify of one case over HTTP with about 100 and with 10,000 cases in the database: the time should
 * depend on the case, not on the database.</li>
 * </ol>
 * Not a test: it asserts nothing; the numbers are the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RecordBenchmark {

    /** What the report says about the database; subclasses run on another one. */
    protected String database() {
        return "H2 in memory (test profile)";
    }

    /** Cases to fill the database with for the record/verify part (0: skip it). */
    protected int databaseCases() {
        return DATABASE_CASES;
    }

    protected String reportName() {
        return "record.md";
    }

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    private static final int CASES_PER_ROUND = Integer.getInteger("bench.casesPerRound", 20);
    private static final int DATABASE_CASES = Integer.getInteger("bench.databaseCases", 10_000);
    private static final int SAMPLES = 15;

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RecordProperties record;
    @Autowired org.camunda.bpm.engine.FormService formService;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws IOException {
        repositoryService.createDeployment().name("record-bench").addClasspathResource("bench/record-bench.bpmn")
                .addClasspathResource("bench/record-bench.form")
                .deploy();
        line("# Record benchmark");
        line("");
        line("- date: " + LocalDate.now() + ", machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap, Java " + System.getProperty("java.version")
                + ", database: " + database() + ", history FULL, load average at start: " + loadAverage());
        taskCompletion();
        if (databaseCases() > 0) {
            recordAndVerify();
        }
        Path out = Path.of("target", "bench", reportName());
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    // ------------------------------------------------------------------ 1. a task completion

    private void taskCompletion() {
        // warm-up, both ways
        for (boolean chain : new boolean[] {true, false, true, false}) {
            roundOfCompletions(chain, 10);
        }
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean chainFirst = round % 2 == 0;
            (chainFirst ? on : off).add(roundOfCompletions(chainFirst, CASES_PER_ROUND));
            (chainFirst ? off : on).add(roundOfCompletions(!chainFirst, CASES_PER_ROUND));
        }
        record.getChain().setEnabled(true);
        double medianOn = median(on);
        double medianOff = median(off);
        line("");
        line("## Task completion (submit-form with 3 values, as an authenticated officer)");
        line("");
        line(String.format(Locale.ROOT, "%d rounds × %d cases × 10 completions each way, alternating; per completion:",
                ROUNDS, CASES_PER_ROUND));
        line("");
        line("| chain | median of round means (ms) | rounds (ms) |");
        line("|---|---|---|");
        line(String.format(Locale.ROOT, "| off | %.3f | %s |", medianOff, format(off)));
        line(String.format(Locale.ROOT, "| on | %.3f | %s |", medianOn, format(on)));
        line("");
        line(String.format(Locale.ROOT, "**Chain overhead per task completion: %+.1f %%** (target ≤ 15 %%), load "
                + "average at the end: %s", (medianOn / medianOff - 1) * 100, loadAverage()));
    }

    /** Milliseconds per task completion over a batch of cases, chain on or off. */
    private double roundOfCompletions(boolean chain, int cases) {
        record.getChain().setEnabled(chain);
        List<ProcessInstance> instances = new ArrayList<>();
        identityService.setAuthentication("zhangsan", List.of("officer", "zhifa"));
        try {
            for (int i = 0; i < cases; i++) {
                instances.add(runtimeService.startProcessInstanceByKey("record-bench", Map.of()));
            }
            long nanos = 0;
            int completions = 0;
            for (int step = 1; step <= 10; step++) {
                for (ProcessInstance instance : instances) {
                    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                    Map<String, Object> values = values(step);
                    long start = System.nanoTime();
                    formService.submitTaskForm(task.getId(), values);
                    nanos += System.nanoTime() - start;
                    completions++;
                }
            }
            return nanos / 1e6 / completions;
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ------------------------------------------------------------------ 2. record and verify against database size

    private void recordAndVerify() {
        record.getChain().setEnabled(true);
        Rest rest = new Rest(port);
        String probe = tenStepCase();
        long before = caseCount();
        double[] small = measure(rest, probe);
        identityService.setAuthentication("zhangsan", List.of("officer", "zhifa"));
        long start = System.nanoTime();
        try {
            for (long i = caseCount(); i < databaseCases(); i++) {
                runtimeService.startProcessInstanceByKey("record-bench-small", Map.of());
            }
        } finally {
            identityService.clearAuthentication();
        }
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        long after = caseCount();
        double[] large = measure(rest, probe);
        line("");
        line("## Record and verify of one case (10 steps, 30 form values) over HTTP");
        line("");
        line(String.format(Locale.ROOT, "Database filled with one-step cases in %.0f s. Median of %d calls (ms):",
                fillSeconds, SAMPLES));
        line("");
        line("| cases in the database | GET /record | GET /record/verify |");
        line("|---|---|---|");
        line(String.format(Locale.ROOT, "| %d | %.1f | %.1f |", before, small[0], small[1]));
        line(String.format(Locale.ROOT, "| %d | %.1f | %.1f |", after, large[0], large[1]));
    }

    private String tenStepCase() {
        identityService.setAuthentication("zhangsan", List.of("officer", "zhifa"));
        try {
            ProcessInstance instance = runtimeService.startProcessInstanceByKey("record-bench", Map.of());
            for (int step = 1; step <= 10; step++) {
                Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                formService.submitTaskForm(task.getId(), values(step));
            }
            return instance.getBusinessKey();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** What an officer submits at a step (Tasklist: POST task/{id}/submit-form). */
    private static Map<String, Object> values(int step) {
        return Map.of("result", "第" + step + "步已办理", "count", step, "checked", step % 2 == 0);
    }

    private double[] measure(Rest rest, String key) {
        List<Double> recordTimes = new ArrayList<>();
        List<Double> verifyTimes = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 3; i++) {
            long start = System.nanoTime();
            Rest.Response response = rest.get("zhangsan", "/api/cases/" + key + "/record");
            long middle = System.nanoTime();
            Rest.Response verified = rest.get("zhangsan", "/api/cases/" + key + "/record/verify");
            long end = System.nanoTime();
            if (response.status() != 200 || verified.status() != 200 || !verified.json().get("intact").asBoolean()) {
                throw new IllegalStateException("record/verify failed: " + response.status() + " " + verified.body());
            }
            if (i >= 3) {
                recordTimes.add((middle - start) / 1e6);
                verifyTimes.add((end - middle) / 1e6);
            }
        }
        return new double[] {median(recordTimes), median(verifyTimes)};
    }

    private long caseCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sl_case", Long.class);
    }

    /** The machine is shared: the load tells how far to trust absolute times (alternation keeps ratios fair). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Also the penalty benchmark's median of its rounds. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
