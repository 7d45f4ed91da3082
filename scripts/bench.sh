#!/usr/bin/env bash
# End-to-end penalty benchmark (BENCHMARKS.md): penalty cases worked to closure over REST by a few concurrent clients,
# cases per second and task-completion latency p50/p95/p99.
#
#   scripts/bench.sh [h2|mariadb|cluster|profile|all]   # default all = h2, mariadb, cluster
#     h2, mariadb  Sunlight with everything on against the bare-Camunda baseline (sunlight.bench.bare=true)
#     cluster      one node against two nodes on one MariaDB database, the same clients in total
#     profile      MariaDB: everything on, record chain off, bare — where the overhead goes
#
# Environment: BENCH_CASES (measured cases per configuration, default 250), BENCH_WARMUP (default 30), BENCH_CLIENTS
# (concurrent clients in total, default 4), SUNLIGHT_TEST_DB (prefix of the benchmark's MariaDB databases; each
# configuration drops and creates its own). MariaDB/MySQL at 127.0.0.1:3306, user root, no password.
# Figures: target/bench/penalty.md; node logs: target/bench/penalty/.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=${1:-all}
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec mvn -q -B -ntp -Pbench test -Dtest=PenaltyBenchmark -Dbench.targets="$TARGETS" -Dsurefire.exitTimeout=300 \
  -Dbench.cases="${BENCH_CASES:-250}" -Dbench.warmup="${BENCH_WARMUP:-30}" -Dbench.clients="${BENCH_CLIENTS:-4}"
