#!/usr/bin/env bash
# The insight view as a CPD coordinator asks it: composed by a gateway from the three services' parts, over one
# partnership at full size, on the local stack (deploy/local/stack.sh up). The seed partnership is made as large as
# asked: directory-service is restarted on a fresh database seeding N practitioners (their events reach the other two
# services as in production); relationships-service and goals-service get M relationships and G goals written
# straight into their tables by the same scripts as bench/insight-bench.sh (*/src/test/resources/bench/insight-load.sql).
# Then each part direct and the composed view through a second gateway (rate limit off), wrk at a fixed concurrency:
# throughput and p50/p95/p99. Leaves the stack with the large partnership (stop and start it afresh to go back).
#   usage: bench/insight-composed.sh [practitioners] [relationships] [goals] [concurrency] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
PRACTITIONERS=${1:-20000}
RELATIONSHIPS=${2:-10000}
GOALS=${3:-30000}
CONCURRENCY=${4:-4}
SECONDS_EACH=${5:-15}
PARTNERSHIP=10000000-0000-4000-8000-000000000001 # the seed's (directory-service SeedData)
PG="-h localhost -p 25432 -U cpd"
export PGPASSWORD=cpd
KEYCLOAK=http://localhost:8180
GATEWAY_PID=
LUA=$(mktemp --suffix=.lua)
trap '[ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null; rm -f "$LUA"; true' EXIT
say() { printf '%s\n' "$*" >&2; }
command -v wrk >/dev/null || { say "wrk is missing: apt-get install -y wrk"; exit 1; }
curl -sf "$KEYCLOAK/realms/cpd" >/dev/null || { say "the local stack is not running: deploy/local/stack.sh up"; exit 1; }

say "directory-service on a fresh database, seeding $PRACTITIONERS practitioners"
deploy/local/stack.sh stop directory-service >/dev/null
psql $PG -d postgres -qc "drop database directory with (force)" -c "create database directory" >/dev/null
CPD_SEED_PRACTITIONERS=$PRACTITIONERS deploy/local/stack.sh start directory-service >/dev/null
psql $PG -d directory -q -f directory-service/src/test/resources/bench/insight-load.sql
say "relationships-service: $RELATIONSHIPS relationships; goals-service: $GOALS goals"
if [ -z "$(psql $PG -d relationships -Atc "select 1 from relationship where id = md5('r1')::uuid")" ]; then
  psql $PG -d relationships -q -v ON_ERROR_STOP=1 -v partnership=$PARTNERSHIP -v practitioners="$PRACTITIONERS" \
    -v supporters=$((PRACTITIONERS / 5)) -v relationships="$RELATIONSHIPS" -f relationships-service/src/test/resources/bench/insight-load.sql
fi
if [ -z "$(psql $PG -d goals -Atc "select 1 from goal where id = md5('g1')::uuid")" ]; then
  psql $PG -d goals -q -v ON_ERROR_STOP=1 -v partnership=$PARTNERSHIP -v practitioners="$PRACTITIONERS" -v goals="$GOALS" \
    -f goals-service/src/test/resources/bench/insight-load.sql
fi
say "waiting until the other services have read directory's events (relationships-service's practitioners stop growing)"
last=-1
for _ in $(seq 1 120); do
  now=$(psql $PG -d relationships -Atc "select count(*) from practitioner")
  [ "$now" = "$last" ] && break
  last=$now; sleep 5
done

say "waiting until directory-service has published its outbox and the machine is quiet (load average below 1)"
for _ in $(seq 1 120); do
  pending=$(psql $PG -d directory -Atc "select count(*) from outbox_event where published_at is null")
  [ "$pending" = 0 ] && break
  sleep 5
done
for _ in $(seq 1 60); do
  awk '{exit !($1 < 1.0)}' /proc/loadavg && break
  sleep 5
done

say "a second gateway with the rate limit off"
env QUARKUS_HTTP_PORT=8090 QUARKUS_MANAGEMENT_PORT=9090 QUARKUS_PROFILE=prod QUARKUS_LOG_LEVEL=WARN \
  QUARKUS_OIDC_AUTH_SERVER_URL="$KEYCLOAK/realms/cpd" QUARKUS_OTEL_SDK_DISABLED=true CPD_GATEWAY_RATE_LIMIT_ENABLED=false \
  DIRECTORY_URL=http://localhost:8081 RELATIONSHIPS_URL=http://localhost:8082 GOALS_URL=http://localhost:8083 \
  DIRECTORY_MANAGEMENT_URL=http://localhost:9081 RELATIONSHIPS_MANAGEMENT_URL=http://localhost:9082 \
  GOALS_MANAGEMENT_URL=http://localhost:9083 \
  java -Xmx384m -XX:+UseSerialGC -jar gateway/target/quarkus-app/quarkus-run.jar >/tmp/insight-composed-gateway.log 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do curl -sf http://localhost:9090/q/health/ready >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf "$KEYCLOAK/realms/cpd/protocol/openid-connect/token" -d grant_type=password -d client_id=cpd-portal \
  -d username=admin -d password=demo | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

cat >"$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
measure() { # label url
  wrk -t1 -c"$CONCURRENCY" -d10s -H "Authorization: Bearer $TOKEN" "$2" >/dev/null
  read -r rps p50 p95 p99 bad <<<"$(wrk -t1 -c"$CONCURRENCY" -d"${SECONDS_EACH}s" -s "$LUA" -H "Authorization: Bearer $TOKEN" "$2" | tail -n 1)"
  printf '| %s | %s | %s ms | **%s ms** | %s ms | %s |\n' "$1" "$rps" "$p50" "$p95" "$p99" "$bad"
}
VIEW=/api/v1/insight/partnerships/$PARTNERSHIP
echo "insight view over $(psql $PG -d directory -Atc "select count(*) from practitioner") practitioners, \
$(psql $PG -d relationships -Atc "select count(*) from relationship") relationships, \
$(psql $PG -d goals -Atc "select count(*) from goal") goals; c=$CONCURRENCY, ${SECONDS_EACH}s each, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "| request | req/s | p50 | p95 | p99 | errors |"
echo "|---|---|---|---|---|---|"
measure "directory's part, direct" "http://localhost:8081$VIEW"
measure "relationships' part, direct" "http://localhost:8082$VIEW"
measure "goals' part, direct" "http://localhost:8083$VIEW"
measure "the composed view, through the gateway" "http://localhost:8090$VIEW"
