package org.sunlight.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * End-to-end penalty benchmark (issue 6), run by {@code scripts/bench.sh [h2|mariadb|cluster|profile|all]} (which runs
 * {@code mvn -Pbench test -Dtest=PenaltyBenchmark}). Each configuration gets fresh Sunlight JVMs, started the way
 * scripts/cluster.sh starts them, on a fresh database; {@link PenaltyLoad} works warm-up cases, then the measured
 * cases, with a few concurrent clients over HTTP. The configurations of a target run side by side and are measured in
 * alternating rounds (see {@link #measure}). Figures go to target/bench/penalty.md (rewritten after every target, so
 * that a run cut short keeps what it measured) and, by hand, to BENCHMARKS.md.
 * <ul>
 * <li>{@code h2}, {@code mariadb}: Sunlight with everything on against the bare-Camunda baseline
 * ({@code sunlight.bench.bare=true}: the same procedures on the same engine, record chain, publication and outbox
 * off).</li>
 * <li>{@code cluster}: one node against two nodes on one MariaDB database, the same clients in total (spread over the
 * nodes), everything on.</li>
 * <li>{@code profile}: on MariaDB, everything on, the record chain off ({@code sunlight.record.chain.enabled=false}),
 * and bare: where the overhead goes.</li>
 * </ul>
 * Not a test: it asserts nothing but that every case closed; the numbers are the result.
 */
class PenaltyBenchmark {

    private static final String TARGETS = System.getProperty("bench.targets", "h2,mariadb,cluster");
    private static final int CASES = Integer.getInteger("bench.cases", 250);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String DB_PREFIX = System.getenv().getOrDefault("SUNLIGHT_TEST_DB", "sunlight_test") + "_bench";
    private static final String MARIADB = System.getProperty("bench.mariadb", "127.0.0.1:3306");
    private static final Path DIR = Path.of("target", "bench", "penalty");
    /**
     * {@code bench.nodeCpus} (BENCH_NODE_CPUS): cores each Sunlight node may use, as {@code cpus:} limits a container
     * (a CFS quota in a cgroup of its own); 0, the default, leaves the nodes unlimited. With a limit, each node is a
     * node of a given size — the case the cluster exists for, where one node is not enough — instead of every JVM
     * drawing on the same two cores as MariaDB and the clients.
     */
    private static final double NODE_CPUS = Double.parseDouble(System.getProperty("bench.nodeCpus", "").isBlank() ? "0"
            : System.getProperty("bench.nodeCpus"));

    record Config(String target, String name, boolean mariadb, int nodes, List<String> args) {
    }

    /**
     * nodeCpuMs, dbCpuMs: CPU time (user + system) the Sunlight JVMs and MariaDB spent per measured case; jitCpuMs and
     * gcCpuMs: the parts of nodeCpuMs spent by the JVMs' own compiler threads and by their garbage collector (with the
     * VM thread's safepoint work), which every JVM pays for itself.
     */
    record Row(Config config, PenaltyLoad.Result result, String loadBefore, String loadAfter, double nodeCpuMs,
               double jitCpuMs, double gcCpuMs, double dbCpuMs) {
    }

    /** What one configuration measured in one round; CPU in nanoseconds, compiler and GC threads in clock ticks. */
    record Round(PenaltyLoad.Result result, long nodeCpu, long jitTicks, long gcTicks, long dbCpu) {
    }

    /** A configuration's nodes, up and warmed, and the rounds measured on them. */
    private static final class Running {
        final Config config;
        final String slug;
        final String database;
        final List<Process> nodes = new ArrayList<>();
        final List<Integer> ports = new ArrayList<>();
        final List<Round> rounds = new ArrayList<>();
        String loadBefore;
        PenaltyLoad load;

        Running(Config config, String slug, String database) {
            this.config = config;
            this.slug = slug;
            this.database = database;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(DIR);
        Map<String, List<Config>> targets = new LinkedHashMap<>();
        for (String target : TARGETS.equals("all") ? List.of("h2", "mariadb", "cluster") : List.of(TARGETS.split(","))) {
            List<Config> configs = new ArrayList<>();
            switch (target.trim()) {
                case "h2" -> {
                    configs.add(new Config("h2", "H2, everything on", false, 1, List.of()));
                    configs.add(new Config("h2", "H2, bare baseline", false, 1, List.of("--sunlight.bench.bare=true")));
                }
                case "mariadb" -> {
                    configs.add(new Config("mariadb", "MariaDB, everything on", true, 1, List.of()));
                    configs.add(new Config("mariadb", "MariaDB, bare baseline", true, 1, List.of("--sunlight.bench.bare=true")));
                }
                case "cluster" -> {
                    configs.add(new Config("cluster", sized("MariaDB, one node"), true, 1, List.of()));
                    configs.add(new Config("cluster", sized("MariaDB, two nodes"), true, 2, List.of()));
                }
                case "profile" -> {
                    configs.add(new Config("profile", "MariaDB, everything on", true, 1, List.of()));
                    configs.add(new Config("profile", "MariaDB, record chain off", true, 1,
                            List.of("--sunlight.record.chain.enabled=false")));
                    configs.add(new Config("profile", "MariaDB, bare baseline", true, 1, List.of("--sunlight.bench.bare=true")));
                }
                default -> throw new IllegalArgumentException("unknown target " + target + " (h2, mariadb, cluster, profile, all)");
            }
            targets.merge(target.trim(), configs, (a, b) -> {
                List<Config> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        List<String> failed = new ArrayList<>();
        int index = 0;
        for (List<Config> configs : targets.values()) {
            try {
                measure(configs, index);
            } catch (Exception | AssertionError e) {
                // the other targets still run; the report says what failed, and the run fails at the end
                failed.add(configs.get(0).target());
                notes.append("- **").append(configs.get(0).target()).append(" failed:** ")
                        .append(abbreviate(String.valueOf(e.getMessage()))).append('\n');
                e.printStackTrace();
            }
            index += configs.size();
            write();
        }
        if (!failed.isEmpty()) {
            throw new AssertionError("targets failed: " + failed + " (see target/bench/penalty.md)");
        }
    }

    /**
     * A target's configurations side by side: all started and warmed, then measured in {@code bench.rounds} rounds (5),
     * each round one configuration after the other (in turn forwards and backwards), only one working at a time. The
     * machines this runs on share their cores with others, and how fast they run drifts by a fifth within minutes;
     * measured one after the other, two configurations compare the machine's moods as much as the code. Interleaved,
     * each sees the same machine, and the spread of the per-round ratios shows how far to trust their median.
     */
    private void measure(List<Config> configs, int firstIndex) throws Exception {
        List<Running> all = new ArrayList<>();
        try {
            for (int i = 0; i < configs.size(); i++) {
                Running running = new Running(configs.get(i), configs.get(i).target() + "-" + (firstIndex + i),
                        DB_PREFIX + "_" + (firstIndex + i));
                all.add(running);
                start(running);
            }
            for (Running running : all) {
                // every node gets the single node's warm-up: a JVM still compiling its hot paths spends CPU the other doesn't
                int warmup = WARMUP * running.config.nodes();
                System.out.printf("%n== %s: %d warm-up cases%n", running.config.name(), warmup);
                running.load.run(warmup);
            }
            // the limit applies to the measured cases only: a node warmed at its limit was still compiling after
            // 300 cases (a third of its CPU in the compiler threads), which the node of a server running for months is not
            for (Running running : all) {
                for (int n = 0; n < running.nodes.size(); n++) {
                    CpuLimit.apply(running.nodes.get(n), running.slug + "-node-" + (n + 1), NODE_CPUS);
                }
            }
            int perRound = (CASES + ROUNDS - 1) / ROUNDS;
            for (int round = 0; round < ROUNDS; round++) {
                List<Running> order = new ArrayList<>(all);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (Running running : order) {
                    measureRound(running, perRound, round);
                }
            }
            for (Running running : all) {
                Row row = row(running);
                closedCheck(running.ports.get(0), row.result());
                rows.add(row);
                System.out.println(line(row));
            }
            compare(all);
        } finally {
            for (Running running : all) {
                for (Process node : running.nodes) {
                    stop(node);
                }
                if (running.config.mariadb()) {
                    dropDatabase(running.database);
                }
            }
        }
    }

    private void start(Running running) throws Exception {
        Config config = running.config;
        List<String> common = new ArrayList<>(List.of("--sunlight.record.evidence-store=" + DIR.resolve(running.slug + "-evidence")));
        String profiles;
        if (config.mariadb()) {
            dropDatabase(running.database);
            profiles = "mysql,demo";
            common.add("--spring.datasource.url=jdbc:mysql://" + MARIADB + "/" + running.database + "?createDatabaseIfNotExist=true"
                    + "&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false"
                    + "&allowPublicKeyRetrieval=true");
        } else {
            profiles = "demo";
            Path h2 = DIR.resolve(running.slug + "-h2").toAbsolutePath();
            deleteRecursively(h2);
            common.add("--spring.datasource.url=jdbc:h2:file:" + h2 + "/sunlight;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }
        common.addAll(config.args());
        for (int n = 1; n <= config.nodes(); n++) {
            int port = freePort();
            List<String> args = new ArrayList<>(common);
            args.add("--camunda.bpm.generic-properties.properties.hostname=node-" + n);
            running.nodes.add(start(running.slug + "-node-" + n, port, profiles, args));
            running.ports.add(port);
        }
        running.load = new PenaltyLoad(running.ports, CLIENTS);
    }

    private static void measureRound(Running running, int cases, int round) {
        if (running.loadBefore == null) {
            running.loadBefore = loadAverage();
        }
        System.out.printf("== %s, round %d: %d cases, %d clients, load %s%n", running.config.name(), round + 1, cases,
                CLIENTS, loadAverage());
        List<ProcessHandle> nodes = running.nodes.stream().map(Process::toHandle).toList();
        long nodeCpu = cpuNanos(nodes);
        long[] jvmTicks = jvmThreadTicks(running.nodes);
        long dbCpu = running.config.mariadb() ? cpuNanos(mariadb()) : 0;
        PenaltyLoad.Result result = running.load.run(cases);
        long[] jvmTicksAfter = jvmThreadTicks(running.nodes);
        running.rounds.add(new Round(result, cpuNanos(nodes) - nodeCpu, jvmTicksAfter[0] - jvmTicks[0],
                jvmTicksAfter[1] - jvmTicks[1], running.config.mariadb() ? cpuNanos(mariadb()) - dbCpu : 0));
    }

    private static Row row(Running running) {
        PenaltyLoad.Result result = null;
        long nodeCpu = 0;
        long jit = 0;
        long gc = 0;
        long db = 0;
        for (Round round : running.rounds) {
            result = result == null ? round.result() : result.plus(round.result());
            nodeCpu += round.nodeCpu();
            jit += round.jitTicks();
            gc += round.gcTicks();
            db += round.dbCpu();
        }
        int cases = result.cases();
        return new Row(running.config, result, running.loadBefore, loadAverage(), nodeCpu / 1e6 / cases,
                jit * 10.0 / cases, gc * 10.0 / cases, running.config.mariadb() ? db / 1e6 / cases : Double.NaN);
    }

    /** Each round's ratio of the first configuration to each other one; the median and the spread over the rounds. */
    private void compare(List<Running> all) {
        Running first = all.get(0);
        for (Running other : all.subList(1, all.size())) {
            List<Double> time = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> cpuPerCompletion = new ArrayList<>();
            for (int r = 0; r < first.rounds.size(); r++) {
                Round a = first.rounds.get(r);
                Round b = other.rounds.get(r);
                time.add((a.result().seconds() / a.result().cases()) / (b.result().seconds() / b.result().cases()) - 1);
                cpu.add((double) (a.nodeCpu() + a.dbCpu()) / a.result().cases()
                        / ((double) (b.nodeCpu() + b.dbCpu()) / b.result().cases()) - 1);
                cpuPerCompletion.add((double) (a.nodeCpu() + a.dbCpu()) / a.result().completions().getTotalCount()
                        / ((double) (b.nodeCpu() + b.dbCpu()) / b.result().completions().getTotalCount()) - 1);
            }
            notes.append(String.format(Locale.ROOT, "- %s against %s, round by round (%d rounds), medians: time per case "
                            + "%+.1f %% (%s), node + database CPU per case %+.1f %% (%s), per task completion %+.1f %% (%s)%n",
                    first.config.name(), other.config.name(), time.size(), RecordBenchmark.median(time) * 100, percents(time),
                    RecordBenchmark.median(cpu) * 100, percents(cpu), RecordBenchmark.median(cpuPerCompletion) * 100, percents(cpuPerCompletion)));
        }
    }

    private static String percents(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%+.0f", v * 100)).toList()) + " %";
    }

    private static void dropDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + MARIADB + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    /** Every measured case reached closure (a benchmark of failing cases would measure nothing). */
    private static void closedCheck(int port, PenaltyLoad.Result result) {
        org.sunlight.Rest rest = new org.sunlight.Rest(port);
        for (String key : result.businessKeys()) {
            var history = rest.get("zhaoliu", "/engine-rest/history/process-instance?processDefinitionKey=penalty-general"
                    + "&processInstanceBusinessKey=" + key).json();
            if (history.size() != 1 || !"COMPLETED".equals(history.get(0).get("state").asText())) {
                throw new IllegalStateException("case " + key + " did not close: " + history);
            }
        }
    }

    // ------------------------------------------------------------------ nodes: JVMs as scripts/cluster.sh starts them

    private static String sized(String name) {
        return NODE_CPUS > 0 ? String.format(Locale.ROOT, "%s (%.2g CPU per node)", name, NODE_CPUS) : name;
    }

    private static Process start(String name, int port, String profiles, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dsunlight.node=" + name));
        // e.g. -Dbench.jvmArgs="-XX:StartFlightRecording=filename=target/bench/penalty/x.jfr" to see where the time goes
        String extra = System.getProperty("bench.jvmArgs", "").replace("{node}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath(), "org.sunlight.SunlightApplication",
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--camunda.bpm.job-execution.max-wait=2000"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve(name + ".log").toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", profiles);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died; see " + DIR.resolve(name + ".log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println(name + " ready on port " + port);
                    return process;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready after 5 minutes; see " + DIR.resolve(name + ".log"));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        CpuLimit.release(process);
    }

    /** target/classes and the dependencies, as scripts/cluster.sh builds them. */
    private static String classpath() throws Exception {
        Path file = Path.of("target", "classpath.txt");
        if (!Files.exists(file) || Files.getLastModifiedTime(Path.of("pom.xml")).compareTo(Files.getLastModifiedTime(file)) > 0) {
            Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-ntp", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/classpath.txt").inheritIO().start();
            if (mvn.waitFor() != 0) {
                throw new IllegalStateException("mvn dependency:build-classpath failed");
            }
        }
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ report

    private static String line(Row row) {
        PenaltyLoad.Result r = row.result();
        return String.format(Locale.ROOT, "| %s | %d | %d × %d | %.1f | **%.2f** | %.0f | %.0f | %.0f | %.0f | **%.0f** | %.0f | %.0f | %.0f | %s → %s |",
                row.config().name(), r.cases(), CLIENTS, row.config().nodes(), r.seconds(), r.casesPerSecond(),
                r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.completions().getMaxValue() / 1e3,
                row.nodeCpuMs(), row.jitCpuMs(), row.gcCpuMs(), row.dbCpuMs(), row.loadBefore(), row.loadAfter());
    }

    private void write() throws IOException {
        StringBuilder out = new StringBuilder("# Penalty benchmark\n\n");
        out.append(String.format(Locale.ROOT, "- %s UTC, %d cores visible to the JVM, Java %s; %d warm-up cases per node + %d measured "
                        + "cases per configuration, %d clients in total; load average = 1-minute load before → after%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), WARMUP, CASES, CLIENTS));
        out.append("| configuration | cases | clients × nodes | s | cases/s | p50 ms | p95 ms | p99 ms | max ms "
                + "| node CPU ms/case | of which JIT | of which GC | MariaDB CPU ms/case | load |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append(line(row)).append('\n');
        }
        Map<String, List<Row>> byTarget = new LinkedHashMap<>();
        rows.forEach(r -> byTarget.computeIfAbsent(r.config().target(), t -> new ArrayList<>()).add(r));
        out.append('\n');
        byTarget.forEach((target, list) -> {
            if (list.size() < 2) {
                return;
            }
            Row first = list.get(0);
            for (Row other : list.subList(1, list.size())) {
                // per task completion as well as per case: with everything on a case has one more task (the
                // publication review the law requires), work the baseline does not do at all
                double firstPerCase = (double) first.result().completions().getTotalCount() / first.result().cases();
                double otherPerCase = (double) other.result().completions().getTotalCount() / other.result().cases();
                double firstCpu = first.nodeCpuMs() + zeroIfNaN(first.dbCpuMs());
                double otherCpu = other.nodeCpuMs() + zeroIfNaN(other.dbCpuMs());
                out.append(String.format(Locale.ROOT, "- %s against %s: time per case %+.1f %% (throughput %+.1f %%), "
                                + "p50 %+.1f %%, p95 %+.1f %%, node CPU per case %+.1f %%, node + database CPU per case "
                                + "%+.1f %%; per task completion (%.1f against %.1f per case): time %+.1f %%, node + database "
                                + "CPU %+.1f %%%n",
                        first.config().name(), other.config().name(),
                        (other.result().casesPerSecond() / first.result().casesPerSecond() - 1) * 100,
                        (first.result().casesPerSecond() / other.result().casesPerSecond() - 1) * 100,
                        (first.result().percentileMillis(50) / other.result().percentileMillis(50) - 1) * 100,
                        (first.result().percentileMillis(95) / other.result().percentileMillis(95) - 1) * 100,
                        (first.nodeCpuMs() / other.nodeCpuMs() - 1) * 100,
                        (firstCpu / otherCpu - 1) * 100, firstPerCase, otherPerCase,
                        (other.result().casesPerSecond() * otherPerCase / (first.result().casesPerSecond() * firstPerCase) - 1) * 100,
                        (firstCpu / firstPerCase / (otherCpu / otherPerCase) - 1) * 100));
            }
        });
        out.append(notes);
        Files.writeString(Path.of("target", "bench", "penalty.md"), out);
        System.out.println(out);
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static String abbreviate(String message) {
        String first = message.lines().findFirst().orElse("");
        return first.length() > 400 ? first.substring(0, 400) + "…" : first;
    }

    /**
     * CPU time is the figure a shared 2-core machine can give reliably: wall time depends on whatever else runs, the
     * CPU a case costs the JVMs and the database much less.
     */
    private static long cpuNanos(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
    }

    /**
     * Clock ticks (10 ms on Linux) of the JVMs' compiler threads [0] and garbage-collector threads [1], from
     * /proc/PID/task/TID/stat: a second node compiles the same code and collects its own heap, work a node on its own
     * machine does on its own cores. Threads that end between two readings are missed, so these are lower bounds.
     */
    private static long[] jvmThreadTicks(List<Process> nodes) {
        long[] ticks = new long[2];
        for (Process node : nodes) {
            Path tasks = Path.of("/proc", String.valueOf(node.pid()), "task");
            try (var threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        int kind = name.matches("C[12] CompilerThre.*|Sweeper thread") ? 0
                                : name.matches("GC Thread.*|G1 .*|VM Thread|VM Periodic Tas.*") ? 1 : -1;
                        if (kind >= 0) {
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks[kind] += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended while being read
                    }
                }
            } catch (IOException e) {
                return new long[2];
            }
        }
        return ticks;
    }

    /** The database server of the benchmark: the one started with its port, else every MariaDB server here. */
    private static List<ProcessHandle> mariadb() {
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .toList();
        String port = "--port=" + MARIADB.substring(MARIADB.lastIndexOf(':') + 1);
        List<ProcessHandle> own = servers.stream()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(port)).orElse(false)).toList();
        return own.isEmpty() ? servers : own;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
