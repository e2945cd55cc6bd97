#!/usr/bin/env bash
# Loads one partnership's insight facts (20,000 practitioners with their support offers and loads into
# directory-service; 10,000 relationships with their agreements and conversations into relationships-service;
# 30,000 goals with evidence into goals-service; real PostgreSQL and Kafka from test-support) and measures each
# service's part of GET /api/v1/insight/partnerships/{id} at a fixed concurrency: p50/p95/p99 and throughput. The
# gateway asks the three parts at once, so the view answers in about the slowest of them plus the gateway's own time
# (bench/gateway-overhead.sh).
# Usage: bench/insight-bench.sh [practitioners] [relationships] [goals] [concurrency] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."
PRACTITIONERS="${1:-20000}"
RELATIONSHIPS="${2:-10000}"
GOALS="${3:-30000}"
CONCURRENCY="${4:-4}"
SECONDS_PER_RUN="${5:-30}"
OFFLINE="${OFFLINE--o}"  # OFFLINE= (empty) lets Maven download what is missing
PROPS="-Dbench=true -Dbench.practitioners=$PRACTITIONERS -Dbench.relationships=$RELATIONSHIPS -Dbench.goals=$GOALS"
PROPS="$PROPS -Dbench.concurrency=$CONCURRENCY -Dbench.seconds=$SECONDS_PER_RUN"
for module in directory-service relationships-service goals-service; do
  # shellcheck disable=SC2086
  ./mvnw -B -q $OFFLINE -pl "$module" -am test -Dtest=InsightBench -Dsurefire.failIfNoSpecifiedTests=false $PROPS -DargLine="$PROPS"
  echo "== $module"
  cat "$module/target/insight-bench.txt"
done
