#!/usr/bin/env bash
# Loads 20,000 practitioners into directory-service (real PostgreSQL and Kafka from test-support) and
# measures GET /api/v1/supporters, GET /api/v1/practitioners and GET /api/v1/matches at a fixed concurrency: p50/p95/p99 and throughput.
# Usage: bench/directory-bench.sh [practitioners] [concurrency] [seconds per endpoint]
set -euo pipefail
cd "$(dirname "$0")/.."
PRACTITIONERS="${1:-20000}"
CONCURRENCY="${2:-8}"
SECONDS_PER_ENDPOINT="${3:-30}"
OFFLINE="${OFFLINE--o}"  # OFFLINE= (empty) lets Maven download what is missing
./mvnw -B -q $OFFLINE -pl directory-service -am test -Dtest=DirectoryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.practitioners="$PRACTITIONERS" -Dbench.concurrency="$CONCURRENCY" -Dbench.seconds="$SECONDS_PER_ENDPOINT" \
  -DargLine="-Dbench=true -Dbench.practitioners=$PRACTITIONERS -Dbench.concurrency=$CONCURRENCY -Dbench.seconds=$SECONDS_PER_ENDPOINT"
cat directory-service/target/directory-bench.txt
