#!/usr/bin/env bash
# The docker/ topology without Docker: two Sunlight JVMs on one MariaDB/MySQL database (a Camunda cluster: shared
# database, job executor on every node). Used by ClusterTests and by hand.
#
#   scripts/cluster.sh start    # builds the classpath if needed, starts node 1 and 2, waits until both are ready
#   scripts/cluster.sh stop     # stops both nodes
#   scripts/cluster.sh kill N   # SIGKILL node N (a crash)
#   scripts/cluster.sh status
#
# Environment: CLUSTER_CLASSPATH (use this classpath instead of building one), CLUSTER_DB (database, default sunlight_cluster; created if missing), CLUSTER_PORTS (default "8091 8092"),
# CLUSTER_DIR (pid and log files, default target/cluster), CLUSTER_DB_HOST (default 127.0.0.1:3306, user root, no
# password), CLUSTER_RESET=1 to drop the database first.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${CLUSTER_DB:-sunlight_cluster}
PORTS=(${CLUSTER_PORTS:-8091 8092})
DIR=${CLUSTER_DIR:-target/cluster}
HOST=${CLUSTER_DB_HOST:-127.0.0.1:3306}
URL="jdbc:mysql://$HOST/$DB?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true"

classpath() {
  if [ -n "${CLUSTER_CLASSPATH:-}" ]; then echo "$CLUSTER_CLASSPATH"; return; fi
  if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
    mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  fi
  [ -d target/classes/org/sunlight ] || mvn -q -B -ntp compile
  echo "target/classes:$(cat target/classpath.txt)"
}

start() {
  mkdir -p "$DIR"
  if [ "${CLUSTER_RESET:-0}" = 1 ]; then
    mysql -uroot -h"${HOST%%:*}" -P"${HOST##*:}" -e "DROP DATABASE IF EXISTS \`$DB\`"
  fi
  local cp; cp=$(classpath)
  for i in "${!PORTS[@]}"; do
    local n=$((i + 1)) port=${PORTS[$i]}
    if [ -f "$DIR/node-$n.pid" ] && kill -0 "$(cat "$DIR/node-$n.pid")" 2>/dev/null; then
      echo "node $n already running"; continue
    fi
    # one node first: it creates the schemas; the other starts once the first is up (Camunda's deployment lock makes
    # simultaneous starts safe too, but sequential starts keep the logs readable)
    SPRING_PROFILES_ACTIVE=mysql,demo SUNLIGHT_DB_URL="$URL" PORT=$port \
      nohup java -Xmx768m -Dsunlight.node=node-$n -cp "$cp" org.sunlight.SunlightApplication \
      --camunda.bpm.job-execution.lock-time-in-millis=${CLUSTER_LOCK_MILLIS:-15000} \
      --camunda.bpm.job-execution.wait-time-in-millis=1000 --camunda.bpm.job-execution.max-wait=2000 \
      --camunda.bpm.generic-properties.properties.hostname=node-$n \
      --sunlight.record.evidence-store="$DIR/evidence" \
      >"$DIR/node-$n.log" 2>&1 &
    echo $! >"$DIR/node-$n.pid"
    wait_ready "$port" "$n"
  done
}

wait_ready() {
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; then
      echo "node $2 ready on port $1"; return 0
    fi
    if ! kill -0 "$(cat "$DIR/node-$2.pid")" 2>/dev/null; then
      echo "node $2 died; see $DIR/node-$2.log" >&2; tail -30 "$DIR/node-$2.log" >&2; return 1
    fi
    sleep 1
  done
  echo "node $2 not ready after 180 s" >&2; return 1
}

stop() {
  for f in "$DIR"/node-*.pid; do
    [ -f "$f" ] || continue
    local pid; pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill) kill -9 "$(cat "$DIR/node-$2.pid")"; rm -f "$DIR/node-$2.pid"; echo "node $2 killed" ;;
  status) for f in "$DIR"/node-*.pid; do [ -f "$f" ] && echo "$(basename "$f" .pid): $(kill -0 "$(cat "$f")" 2>/dev/null && echo running || echo dead)"; done ;;
  *) echo "usage: $0 start|stop|kill N|status" >&2; exit 2 ;;
esac
