#!/usr/bin/env bash
# A staff file of N rows (default 10,000) synced end to end into directory-service (real PostgreSQL and Kafka from
# test-support): rows per second and the peak heap while each sync runs (new staff, the same file again, a dry run
# with every name changed, then that change applied). Target: >= 5,000 rows/s with flat memory.
# Usage: bench/staff-sync-bench.sh [rows] [max heap, e.g. 256m]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000}"
HEAP="${2:-256m}"
OFFLINE="${OFFLINE--o}"  # OFFLINE= (empty) lets Maven download what is missing
./mvnw -B -q $OFFLINE -pl directory-service -am test -Dtest=StaffSyncBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -DargLine="-Xmx$HEAP -Dbench=true -Dbench.rows=$ROWS"
cat directory-service/target/staff-sync-bench.txt
