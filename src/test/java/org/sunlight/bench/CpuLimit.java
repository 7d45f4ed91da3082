package org.sunlight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CPU limit for one benchmark node, the way {@code docker run --cpus} sets one: a cgroup of its own with a CFS quota
 * (cgroup v1 {@code cpu.cfs_quota_us}, or v2 {@code cpu.max}). The running JVM is moved into it, all its threads
 * with it, once it is warm: it keeps the ergonomics (GC and compiler threads) of an unlimited node and only its CPU
 * time is capped. No cgroup to write to is an error: a benchmark asked for a limit must not run without one.
 */
final class CpuLimit {

    private static final long PERIOD_US = 100_000;
    private static final Map<Long, Path> GROUPS = new ConcurrentHashMap<>();

    private CpuLimit() {
    }

    static void apply(Process process, String name, double cpus) throws IOException {
        if (cpus <= 0) {
            return;
        }
        long quota = Math.round(cpus * PERIOD_US);
        Path v1 = Path.of("/sys/fs/cgroup/cpu");
        Path v2 = Path.of("/sys/fs/cgroup");
        Path group;
        if (Files.isWritable(v1.resolve("cgroup.procs"))) {
            group = Files.createDirectories(v1.resolve("sunlight-bench-" + name));
            Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_US));
            Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
        } else if (Files.isReadable(v2.resolve("cgroup.controllers"))
                && Files.readString(v2.resolve("cgroup.controllers")).contains("cpu")) {
            Files.writeString(v2.resolve("cgroup.subtree_control"), "+cpu");
            group = Files.createDirectories(v2.resolve("sunlight-bench-" + name));
            Files.writeString(group.resolve("cpu.max"), String.format(Locale.ROOT, "%d %d", quota, PERIOD_US));
        } else {
            process.destroyForcibly();
            throw new IllegalStateException("bench.nodeCpus=" + cpus + " needs a writable cgroup cpu controller "
                    + "(/sys/fs/cgroup/cpu or cgroup v2 with cpu); none here");
        }
        Files.writeString(group.resolve("cgroup.procs"), String.valueOf(process.pid()));
        GROUPS.put(process.pid(), group);
    }

    static void release(Process process) {
        Path group = GROUPS.remove(process.pid());
        if (group != null) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                System.err.println("cgroup " + group + " left behind: " + e.getMessage());
            }
        }
    }
}
