#!/usr/bin/env bash
# Every benchmark of the suite in one run, each figure printed beside what this machine itself can do,
# measured in the same run, as a ratio:
#   reads (practitioner, relationship, goal; wrk -c32)   against  pgbench -S -c32 on the stack's PostgreSQL
#   the same practitioner read through a gateway          against  the read straight to directory-service
#   any HTTP read                                         against  a bare endpoint (/q/health/live, no token, no database)
#   staff sync rows/s                                     against  COPY of the same number of rows into PostgreSQL
# then the other benchmarks (matching, events, activation-to-read, logins for an import, gateway overhead, each
# service's time to ready and idle memory).
# Appends a dated section to docs/performance.md. Uses the local stack (started here when it is not running,
# and stopped again at the end) and a second gateway with the rate limit off (the stack's gateway limits each
# caller to 20 requests/s, which would measure the limit, not the gateway).
#   usage: bench/run-all.sh [--smoke|--reads]
#     --smoke: a few seconds per load and small sizes, to show every benchmark runs (figures not recorded)
#     --reads: only the machine's limits, the single-resource reads (direct and through a gateway) and the composed
#              insight view
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMOKE=0
READS_ONLY=0
[ "${1:-}" = --smoke ] && SMOKE=1
[ "${1:-}" = --reads ] && READS_ONLY=1
# A service's JIT keeps compiling for tens of seconds of load on 2 cores: a short warm-up measures the compiler.
WARMUP=20s
if [ "$SMOKE" = 1 ]; then DURATION=3s; WARMUP=2s; SIZE_MATCH=2000; SIZE_SYNC=1000; EVENTS=100; ROUNDS=10; STAFF=50; REQUESTS=300
  INSIGHT="2000 1000 3000"
else DURATION=15s; SIZE_MATCH=20000; SIZE_SYNC=10000; EVENTS=1000; ROUNDS=100; STAFF=2000; REQUESTS=3000
  INSIGHT="20000 10000 30000"; fi
CONNECTIONS=32
PG="-h localhost -p 25432 -U cpd"
export PGPASSWORD=cpd
KEYCLOAK=http://localhost:8180
BENCH_GATEWAY_PORT=8090
RESULTS=$(mktemp)
STARTED_STACK=0
BENCH_GATEWAY_PID=

cleanup() {
  [ -n "$BENCH_GATEWAY_PID" ] && kill "$BENCH_GATEWAY_PID" 2>/dev/null || true
  [ "$STARTED_STACK" = 1 ] && deploy/local/stack.sh stop >/dev/null 2>&1 || true
  rm -f "$RESULTS"
}
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }
record() { printf '%s\n' "$*" | tee -a "$RESULTS"; } # one result line: | measure | figure | limit | ratio |

# --- tools: wrk and pgbench from Debian when missing
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v pgbench >/dev/null || [ -x /usr/lib/postgresql/15/bin/pgbench ] || need+=(postgresql-client)
command -v psql >/dev/null || need+=(postgresql-client)
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
PGBENCH=$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)

# --- the stack
if ! deploy/local/stack.sh status 2>/dev/null | awk 'NR > 1 && $4 != "yes" {bad = 1} END {exit bad}'; then
  say "starting the local stack"
  deploy/local/stack.sh up --detach >&2
  STARTED_STACK=1
fi

token() { # demo user -> access token (dev realm, portal client)
  curl -sf "$KEYCLOAK/realms/cpd/protocol/openid-connect/token" -d grant_type=password -d client_id=cpd-portal \
    -d username="$1" -d password=demo -d scope=openid | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# wrk on one URL -> "requests/s p50-ms p99-ms"
load() { # url [token]
  local out header=()
  [ -n "${2:-}" ] && header=(-H "Authorization: Bearer $2")
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$1" >/dev/null # warm-up: connections, JIT, caches
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$1")
  if printf '%s' "$out" | grep -q "Non-2xx"; then
    say "$out"
    say "non-2xx answers from $1 (counted in the figure)"
  fi
  printf '%s' "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + str(label) + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {ms(50):.2f} {ms(99):.2f}" + (f" non-2xx:{bad.group(1)}" if bad else ""))'
}
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }

# --- let the stack settle: a service just started compiles and warms for a minute, and every figure below
# (the machine's own limits included) would measure that instead
say "waiting for the machine to settle (1-minute load average below 1.5, at most 3 minutes)"
for _ in $(seq 1 36); do
  awk '{exit !($1 < 1.5)}' /proc/loadavg && break
  sleep 5
done
say "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- machine limits, measured now
say "pgbench -S -c$CONNECTIONS"
psql $PG -d postgres -qc "drop database if exists pgbench" -c "create database pgbench" >/dev/null
"$PGBENCH" $PG -i -q -s 10 pgbench >/dev/null 2>&1
PGBENCH_TPS=$("$PGBENCH" $PG -S -c"$CONNECTIONS" -j2 -T"${DURATION%s}" pgbench 2>/dev/null \
  | sed -n 's/^tps = \([0-9]*\).*/\1/p' | head -n 1)
read -r BARE_RPS BARE_P50 BARE_P99 <<<"$(load http://localhost:9080/q/health/live)"

# --- a gateway with the rate limit off, beside the stack's own
say "starting a second gateway on :$BENCH_GATEWAY_PORT with the rate limit off"
env QUARKUS_HTTP_PORT=$BENCH_GATEWAY_PORT QUARKUS_MANAGEMENT_PORT=9090 QUARKUS_PROFILE=prod \
  QUARKUS_OIDC_AUTH_SERVER_URL="$KEYCLOAK/realms/cpd" QUARKUS_OTEL_SDK_DISABLED=true CPD_GATEWAY_RATE_LIMIT_ENABLED=false \
  DIRECTORY_URL=http://localhost:8081 RELATIONSHIPS_URL=http://localhost:8082 GOALS_URL=http://localhost:8083 \
  DIRECTORY_MANAGEMENT_URL=http://localhost:9081 RELATIONSHIPS_MANAGEMENT_URL=http://localhost:9082 \
  GOALS_MANAGEMENT_URL=http://localhost:9083 QUARKUS_LOG_LEVEL=WARN \
  java -Xmx384m -XX:+UseSerialGC -jar gateway/target/quarkus-app/quarkus-run.jar >/tmp/bench-gateway.log 2>&1 &
BENCH_GATEWAY_PID=$!
for _ in $(seq 1 60); do curl -sf http://localhost:9090/q/health/ready >/dev/null && break; sleep 1; done

# --- single-resource reads: straight to each service, and the practitioner read through the gateway
LEAD=$(token lead)
TEACHER=$(token teacher)
PRACTITIONER=30000000-0000-4000-8000-000000000003
# a relationship the school lead proposes between the demo mentor and teacher (left proposed; it expires)
RELATIONSHIP=$(curl -sf -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/json' http://localhost:8082/api/v1/relationships -d "{
  \"form\":\"MENTORING\",\"purpose\":\"INDUCTION\",\"plannedStart\":\"$(date +%F)\",\"plannedEnd\":\"$(date -d '+6 months' +%F)\",
  \"participants\":[{\"practitionerId\":\"30000000-0000-4000-8000-000000000002\",\"role\":\"SUPPORTER\"},
                    {\"practitionerId\":\"$PRACTITIONER\",\"role\":\"LEARNER\"}]}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null || true)
if [ -z "$RELATIONSHIP" ]; then # the pair is already in a relationship (an earlier run): read one of the lead's
  RELATIONSHIP=$(curl -sf -H "Authorization: Bearer $LEAD" "http://localhost:8082/api/v1/relationships?limit=1" \
    | python3 -c 'import json,sys; items=json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")' || true)
  WITHDRAW=0
else
  WITHDRAW=1
fi
GOAL=$(curl -sf -H "Authorization: Bearer $TEACHER" -H 'Content-Type: application/json' http://localhost:8083/api/v1/goals -d "{
  \"title\":\"Benchmark read\",\"pupilAspiration\":\"Pupils explain their thinking\",\"priority\":\"INDIVIDUAL\",
  \"successCriteria\":\"Most pupils justify an answer\",\"targetDate\":\"$(date -d '+3 months' +%F)\",\"setBy\":\"LEARNER_LED\",
  \"visibility\":\"PRIVATE\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

record "| measure (c=$CONNECTIONS, $DURATION each) | figure | machine limit | ratio |"
record "|---|---|---|---|"
record "| pgbench -S | $PGBENCH_TPS tps | | |"
record "| bare HTTP (/q/health/live, gateway management) | $BARE_RPS req/s, p50 $BARE_P50 ms | | |"
read -r RPS P50 P99 BAD <<<"$(load "http://localhost:8081/api/v1/practitioners/$PRACTITIONER" "$LEAD")"
DIRECT_RPS=$RPS
record "| practitioner read, direct | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | pgbench -S | $(ratio "$RPS" "$PGBENCH_TPS") (target ≥ 0.25) |"
if [ -n "$RELATIONSHIP" ]; then
  read -r RPS P50 P99 BAD <<<"$(load "http://localhost:8082/api/v1/relationships/$RELATIONSHIP" "$LEAD")"
  record "| relationship read, direct | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | pgbench -S | $(ratio "$RPS" "$PGBENCH_TPS") (target ≥ 0.25) |"
else
  record "| relationship read, direct | no relationship in the stack to read | | |"
fi
read -r RPS P50 P99 BAD <<<"$(load "http://localhost:8083/api/v1/goals/$GOAL" "$TEACHER")"
record "| goal read, direct | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | pgbench -S | $(ratio "$RPS" "$PGBENCH_TPS") (target ≥ 0.25) |"
LEAD=$(token lead)
read -r RPS P50 P99 BAD <<<"$(load "http://localhost:$BENCH_GATEWAY_PORT/api/v1/practitioners/$PRACTITIONER" "$LEAD")"
record "| practitioner read, through the gateway | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | the read direct | $(ratio "$RPS" "$DIRECT_RPS") (target ≥ 0.7) |"
record "| practitioner read, direct, against bare HTTP | | bare HTTP | $(ratio "$DIRECT_RPS" "$BARE_RPS") |"
# the insight view the gateway composes from three parts, against its slowest part (directory's) asked directly; c=4 as
# the insight target says, on the stack's seed partnership (bench/insight-bench.sh measures each part at full size)
ADMIN=$(token admin)
SEED_PARTNERSHIP=10000000-0000-4000-8000-000000000001
SAVED_CONNECTIONS=$CONNECTIONS; CONNECTIONS=4
read -r RPS P50 P99 BAD <<<"$(load "http://localhost:8081/api/v1/insight/partnerships/$SEED_PARTNERSHIP" "$ADMIN")"
PART_RPS=$RPS
record "| insight, directory part direct (c=4) | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | | |"
read -r RPS P50 P99 BAD <<<"$(load "http://localhost:$BENCH_GATEWAY_PORT/api/v1/insight/partnerships/$SEED_PARTNERSHIP" "$ADMIN")"
record "| insight view composed by the gateway (c=4) | $RPS req/s, p50 $P50 ms, p99 $P99 ms${BAD:+, $BAD} | its slowest part direct | $(ratio "$RPS" "$PART_RPS") |"
CONNECTIONS=$SAVED_CONNECTIONS
# the proposal is withdrawn again: the activation benchmark below proposes the same pair
[ -n "$RELATIONSHIP" ] && [ "$WITHDRAW" = 1 ] && curl -sf -o /dev/null -H "Authorization: Bearer $(token lead)" -H 'Content-Type: application/json' \
  "http://localhost:8082/api/v1/relationships/$RELATIONSHIP/withdraw" -d '{"reason":"benchmark read only"}' || true
kill "$BENCH_GATEWAY_PID" 2>/dev/null || true
BENCH_GATEWAY_PID=

if [ "$READS_ONLY" = 0 ]; then
# --- imports: COPY of the same number of rows, then the staff sync
python3 -c "
import sys
for i in range($SIZE_SYNC):
    print(f'{i},copy-{i}@bench.example,Copy Teacher {i},TEACHER')" >/tmp/bench-copy.csv
psql $PG -d pgbench -qc "create table if not exists copy_bench(id int, email text, full_name text, stage text)" -c "truncate copy_bench"
COPY_MS=$(python3 -c "
import subprocess, time
t = time.monotonic()
subprocess.run(['psql', *'$PG'.split(), '-d', 'pgbench', '-qc', r\"\\copy copy_bench from '/tmp/bench-copy.csv' csv\"], check=True)
print(f'{(time.monotonic() - t) * 1000:.0f}')")
COPY_RPS=$(python3 -c "print(f'{$SIZE_SYNC / ($COPY_MS / 1000):.0f}')")
record "| COPY of $SIZE_SYNC rows (psql \\copy, client start included) | $COPY_RPS rows/s | | |"
say "staff sync of $SIZE_SYNC rows"
SYNC=$(OFFLINE= bench/staff-sync-bench.sh "$SIZE_SYNC" 256m 2>&1 | tail -n 20)
printf '%s\n' "$SYNC" >&2
SYNC_RPS=$(printf '%s' "$SYNC" | grep -o '[0-9.,]* rows/s' | head -n 1 | grep -o '^[0-9.,]*' | tr -d , || true)
WARM_RPS=$(printf '%s' "$SYNC" | sed -n '/second school/,$p' | grep -o '[0-9.,]* rows/s' | head -n 1 | grep -o '^[0-9.,]*' | tr -d , || true)
if [ -n "$SYNC_RPS" ]; then
  record "| staff sync, first file of $SIZE_SYNC new staff (fresh JVM) | $SYNC_RPS rows/s | COPY | $(ratio "$SYNC_RPS" "$COPY_RPS") |"
  [ -n "$WARM_RPS" ] && record "| staff sync, $SIZE_SYNC new staff at a second school (same JVM) | $WARM_RPS rows/s | COPY | $(ratio "$WARM_RPS" "$COPY_RPS") |"
else
  record "| staff sync of $SIZE_SYNC rows | see the output above (no rows/s figure printed) | | |"
fi

# --- the other benchmarks, as they print themselves
say "matching over $SIZE_MATCH practitioners"
MATCH=$(OFFLINE= bench/directory-bench.sh "$SIZE_MATCH" 8 "${DURATION%s}" 2>&1 | grep -iE 'p95|supporters|matches' | head -n 6 || true)
record "| matching and lists, $SIZE_MATCH practitioners, c=8 | $(printf '%s' "$MATCH" | tr -s ' ' | tr '\n' ';' | sed 's/|/\//g') | | target p95 < 20 ms |"
say "insight view over $INSIGHT practitioners, relationships, goals"
# shellcheck disable=SC2086
INS=$(OFFLINE= bench/insight-bench.sh $INSIGHT 4 "${DURATION%s}" 2>&1 | grep -E '^== |^partnership view ' | tr -s ' ' || true)
record "| insight partnership view ($INSIGHT practitioners/relationships/goals), c=4 | $(printf '%s' "$INS" | tr '\n' ';' | sed 's/|/\//g') | | target p95 < 100 ms |"
say "event latency"
EVT=$(OFFLINE= bench/event-latency.sh "$EVENTS" 20 2>&1 | grep -iE 'p99' | head -n 1 || true)
record "| events, write commit to consumer applied ($EVENTS at 20/s) | $(printf '%s' "$EVT" | sed 's/|/\//g') | | target p99 < 100 ms |"
say "activation to the supporter's goal read"
ACT=$(bench/activation-latency.sh "$ROUNDS" 2>&1 | grep '^BENCH' | head -n 1 || echo "BENCH failed (run it alone to see why)")
record "| activation to goals read ($ROUNDS rounds) | ${ACT#BENCH } | | target p99 < 100 ms |"
say "logins for $STAFF imported staff"
ACC=$(bench/account-provisioning.sh "$STAFF" 2>&1 | grep '^BENCH' | head -n 1 || echo "BENCH failed (run it alone to see why)")
record "| logins for an import of $STAFF | ${ACC#BENCH } | | |"
say "gateway overhead"
GW=$(OFFLINE= bench/gateway-overhead.sh "$REQUESTS" 2>&1 | grep '^BENCH' | head -n 1 || echo "BENCH failed (run it alone to see why)")
record "| gateway overhead, in-JVM ($REQUESTS sequential requests) | ${GW#BENCH } | | |"
say "each service started alone on an empty database"
bench/startup.sh "$([ "$SMOKE" = 1 ] && echo 3 || echo 20)" 2>/dev/null | grep '^BENCH' | while read -r _ svc rest; do
  record "| $svc started alone, no seed data | $rest | | target ready < 3 s, idle RSS < 250 MB |"
done
fi

if [ "$SMOKE" = 0 ]; then
  {
    printf '\n## bench/run-all.sh%s, %s UTC (%s cores, load average at the end %s)\n\n' "$([ "$READS_ONLY" = 1 ] && echo ' --reads')" "$(date -u '+%F %H:%M')" \
      "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    cat "$RESULTS"
  } >>docs/performance.md
  say "appended to docs/performance.md"
fi
