#!/usr/bin/env bash
# Latency the gateway adds to a small GET (token validation, rate limit, routing, streaming relay),
# against a raw backend in the same JVM, sequential requests. Prints one BENCH line.
#   usage: bench/gateway-overhead.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${OFFLINE--o} -pl gateway -am verify -DskipITs -Dtest=ProxyOverheadBench -Dbench=true -Dbench.requests="${1:-3000}" \
  -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
grep -h "^BENCH" gateway/target/surefire-reports/org.cpd.gateway.ProxyOverheadBench-output.txt
