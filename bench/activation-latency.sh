#!/usr/bin/env bash
# Activation of a relationship to goals-service letting the supporter read a goal shared with it
# (relationships' outbox, relay, Kafka, goals' consumer and read model), on the running local stack
# (deploy/local/stack.sh up). Prints one BENCH line; the target is p99 < 100 ms.
#   usage: bench/activation-latency.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
./mvnw -B -pl clients,deploy verify -Pe2e -Dit.test=ActivationToGoalsLatencyBench -Dbench.rounds="${1:-50}" \
  -Dfailsafe.failIfNoSpecifiedTests=false >"$log" 2>&1 || { tail -n 60 "$log"; exit 1; }
grep -h "^BENCH" "$log" deploy/target/failsafe-reports/*ActivationToGoalsLatencyBench*-output.txt 2>/dev/null | sort -u
