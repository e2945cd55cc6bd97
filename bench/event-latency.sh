#!/usr/bin/env bash
# Write-commit -> consumer-applied latency of one event through the outbox, the relay, the real Kafka
# broker, the consumer skeleton and the inbox (commons' test app consumes its own topic, real
# embedded PostgreSQL and Kafka from test-support). Writes at a steady rate, prints p50/p95/p99.
#   usage: bench/event-latency.sh [events] [events per second] [relay poll interval]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-1000}"
RATE="${2:-20}"
POLL="${3:-1s}"
OFFLINE="${OFFLINE--o}"  # OFFLINE= (empty) lets Maven download what is missing
PROPS="-Dbench=true -Dbench.events=$EVENTS -Dbench.rate=$RATE -Dbench.poll-interval=$POLL"
./mvnw -B -q $OFFLINE verify -pl commons -am -Dtest=EventLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
  $PROPS -DargLine="$PROPS" >/dev/null
cat commons/target/event-latency.txt
