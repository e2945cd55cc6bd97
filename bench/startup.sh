#!/usr/bin/env bash
# Each service started on its own against an empty database (no seed data), as a new replica would be:
# milliseconds from launching the JVM to /q/health/ready answering 200 (Flyway's migrations included), and the
# resident memory after it has been idle for a while. Uses the local stack's PostgreSQL, Kafka and Keycloak
# (deploy/local/stack.sh up) and the jars it built; prints one BENCH line per service.
#   usage: bench/startup.sh [idle-seconds]     (default 20)
#   CPD_STACK_JAVA_OPTS: other JVM options; CPD_STARTUP_SERVICES: fewer services (space-separated); JAVA: another java
# The jar is started from its own directory, as the images do: class-data archives and AOT caches record the
# class path they were made with.
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${1:-20}
export PGPASSWORD=cpd
# The local stack's JVM options (deploy/local/stack.sh); CPD_STACK_JAVA_OPTS overrides both alike.
read -r -a JAVA_OPTS <<<"${CPD_STACK_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; true' EXIT

now_ms() { date +%s%3N; }
# CPU time (user + system, all threads) the process has used so far, in ms: less sensitive than the wall
# clock to other work on the machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }

port=18081
for svc in ${CPD_STARTUP_SERVICES:-directory-service relationships-service goals-service}; do
  db="startup_${svc%%-service}"
  psql -h localhost -p 25432 -U cpd -d postgres -qc "drop database if exists $db" -c "create database $db" >/dev/null
  mgmt=$((port + 1000))
  t0=$(now_ms)
  env QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$mgmt QUARKUS_PROFILE=prod QUARKUS_LOG_LEVEL=${CPD_STARTUP_LOG_LEVEL:-WARN} \
    QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/cpd KAFKA_BOOTSTRAP_SERVERS=localhost:29092 \
    QUARKUS_OTEL_SDK_DISABLED=true CPD_SEED_ENABLED=false \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:25432/$db" QUARKUS_DATASOURCE_USERNAME=cpd \
    QUARKUS_DATASOURCE_PASSWORD=cpd \
    bash -c 'cd "$0/target/quarkus-app" && exec "${JAVA:-java}" "${@}" -jar quarkus-run.jar' "$svc" "${JAVA_OPTS[@]}" \
    >"/tmp/startup-$svc.log" 2>&1 &
  PID=$!
  ready=
  cpu=
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "http://localhost:$mgmt/q/health/ready"; then ready=$(($(now_ms) - t0)); cpu=$(cpu_ms "$PID"); break; fi
    sleep 0.05
  done
  sleep "$IDLE"
  rss=$(($(ps -o rss= -p "$PID") / 1024))
  echo "BENCH $svc ready_ms=${ready:-timeout} cpu_ms_to_ready=${cpu:-} idle_rss_mb=$rss (after ${IDLE}s idle; empty database, no seed data)"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
  psql -h localhost -p 25432 -U cpd -d postgres -qc "drop database $db" >/dev/null
  port=$((port + 1))
done
