#!/usr/bin/env bash
# End-to-end penalty benchmark (BENCHMARKS.md): penalty cases worked to closure over REST by a few concurrent clients,
# cases per second and task-completion latency p50/p95/p99.
#
#   scripts/bench.sh [h2|mariadb|cluster|profile|all]   # default all = h2, mariadb, cluster
#     h2, mariadb  Sunlight with everything on against the bare-Camunda baseline (sunlight.bench.bare=true)
#     cluster      one node against two nodes on one MariaDB database, the same clients in total
#     profile      MariaDB: everything on, record chain off, bare — where the overhead goes
#
# A target's configurations run side by side and are measured in alternating rounds (only one working at a time), so
# that each sees the same machine: shared cores here drift by a fifth in speed within minutes.
# Environment: BENCH_CASES (measured cases per configuration, default 250), BENCH_ROUNDS (rounds they are split into,
# default 5), BENCH_WARMUP (default 300), BENCH_CLIENTS (concurrent clients in total, default 4), SUNLIGHT_TEST_DB (prefix of the benchmark's MariaDB databases; each
# configuration creates its own and drops it when done), BENCH_MARIADB (host:port, default 127.0.0.1:3306, user root, no password),
# BENCH_OWN_MARIADB=1 (start a throwaway MariaDB server for the run on port 3307 in target/bench/mariadb, so that the
# database CPU per case in the report is the benchmark's alone, not that of everything else using the shared server;
# with a 2 GiB buffer pool, as a database server of its own would have: MariaDB's default of 128 MiB holds less than
# one configuration's cases, and then the figures depend on which configuration ran before).
# BENCH_DB_DIGEST=1 (with BENCH_OWN_MARIADB): the server's performance schema on, and at the end the statements that
# cost the database most, per configuration's database, written to target/bench/mariadb-statements.tsv (what the
# database CPU per case is spent on; the counters include the warm-up cases).
# BENCH_JVM_ARGS: extra options for every node's JVM, {node} replaced by the node's name (e.g. a flight recording:
# -XX:StartFlightRecording=filename=target/bench/penalty/{node}.jfr,settings=profile).
# BENCH_NODE_CPUS: cores each Sunlight node may use (e.g. 0.5), a CFS quota in a cgroup of the node's own, as a
# container's `cpus:` limit sets one (needs a writable cgroup cpu controller; running as root here). Unset: unlimited.
# Figures: target/bench/penalty.md; node logs: target/bench/penalty/.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=${1:-all}
MARIADB=${BENCH_MARIADB:-127.0.0.1:3306}
if [ "${BENCH_OWN_MARIADB:-0}" = 1 ]; then
  DATA=$PWD/target/bench/mariadb
  MARIADB=127.0.0.1:3307
  rm -rf "$DATA" && mkdir -p "$DATA"
  mariadb-install-db --no-defaults --datadir="$DATA" --user="$(id -un)" --auth-root-authentication-method=normal >/dev/null
  /usr/sbin/mariadbd --no-defaults --datadir="$DATA" --port=3307 --socket="$DATA/mysqld.sock" --bind-address=127.0.0.1 \
    --user="$(id -un)" --pid-file="$DATA/mariadbd.pid" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_general_ci --innodb-buffer-pool-size=2G \
    $([ "${BENCH_DB_DIGEST:-0}" = 1 ] && echo --performance-schema=ON --performance-schema-digests-size=20000) \
    >"$DATA.log" 2>&1 &
  trap 'kill "$(cat "$DATA/mariadbd.pid")" 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do mysqladmin -uroot -h127.0.0.1 -P3307 ping >/dev/null 2>&1 && break; sleep 1; done
fi
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
mvn -q -B -ntp -Pbench test -Dtest=PenaltyBenchmark -Dbench.targets="$TARGETS" -Dsurefire.exitTimeout=300 \
  -Dbench.cases="${BENCH_CASES:-250}" -Dbench.warmup="${BENCH_WARMUP:-300}" -Dbench.rounds="${BENCH_ROUNDS:-5}" -Dbench.clients="${BENCH_CLIENTS:-4}" \
  -Dbench.mariadb="$MARIADB" -Dbench.jvmArgs="${BENCH_JVM_ARGS:-}" -Dbench.nodeCpus="${BENCH_NODE_CPUS:-}"
if [ "${BENCH_DB_DIGEST:-0}" = 1 ] && [ "${BENCH_OWN_MARIADB:-0}" = 1 ]; then
  mariadb -uroot -h127.0.0.1 -P3307 -B -e "SELECT schema_name, count_star AS calls, ROUND(sum_timer_wait/1e9) AS ms,
      sum_rows_examined AS rows_examined, sum_rows_sent AS rows_sent, LEFT(digest_text, 300) AS statement
    FROM performance_schema.events_statements_summary_by_digest WHERE schema_name IS NOT NULL
    ORDER BY schema_name, sum_timer_wait DESC" > target/bench/mariadb-statements.tsv
fi
