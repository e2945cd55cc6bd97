#!/usr/bin/env bash
# A staff file of N rows (default 10,000) synced into the packaged directory-service of the local stack
# (deploy/local/stack.sh up): the service as deployed, in its own JVM (-Xmx384m, serial GC), with the dev realm's MIS
# client (cpd-mis-demo, school 100001) and a real token. The same four syncs as bench/staff-sync-bench.sh (new staff,
# the same file again, every name changed as a dry run, then applied), in PARTIAL mode so the school's seeded staff
# stay; each run of the script uses new MIS ids and e-mails, so "created" always creates. Prints rows/s per sync and
# directory-service's resident memory after each. Target: >= 5,000 rows/s with flat memory.
#   usage: bench/staff-sync-stack.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000}
URN=100001 # the school of the dev realm's MIS client
DIRECTORY=http://localhost:8081
KEYCLOAK=http://localhost:8180
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
curl -sf "$KEYCLOAK/realms/cpd" >/dev/null || { echo "the local stack is not running: deploy/local/stack.sh up" >&2; exit 1; }
RUN=$(date +%s)

staff_file() { # suffix
  awk -v rows="$ROWS" -v run="$RUN" -v urn="$URN" -v suffix="$1" 'BEGIN {
    print "misStaffId,trn,givenName,familyName,email,role,lineManagerMisId,subjects,phases,startDate,leaveDate"
    for (i = 0; i < rows; i++) {
      manager = (i % 20 == 0) ? "" : "S" run "-" (i - i % 20) # teams of 20 under a middle leader
      printf "S%s-%d,,Given%d,Family%s,stack%s.%d.%s@example.org,%s,%s,MATHEMATICS;PHYSICS,SECONDARY,2020-09-01,\n",
        run, i, i, suffix, run, i, urn, (manager == "" ? "MIDDLE_LEADER" : "TEACHER"), manager
    }
  }'
}
staff_file "" >"$WORK/staff.csv"
staff_file " Renamed" >"$WORK/renamed.csv"
TOKEN=$(curl -sf "$KEYCLOAK/realms/cpd/protocol/openid-connect/token" -d grant_type=client_credentials \
  -d client_id=cpd-mis-demo -d client_secret=cpd-mis-demo-secret | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
PID=$(pgrep -f 'directory-service/target/quarkus-app/quarkus-run.jar' | head -1)

sync() { # label file query
  local out status seconds
  out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$2" "$DIRECTORY/api/v1/schools/$URN/staff-syncs?mode=PARTIAL$3")
  read -r status seconds <<<"$out"
  [ "$status" = 201 ] || { echo "$1: HTTP $status $(cat "$WORK/answer.json")" >&2; exit 1; }
  printf '| %s | %.2f s | %s | %s MB | %s |\n' "$1" "$seconds" "$(python3 -c "print(f'{$ROWS / $seconds:,.0f}')")" \
    "$(($(ps -o rss= -p "$PID") / 1024))" \
    "$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(", ".join(f"{k} {j[k]}" for k in ("created","updated","unchanged","rejected")))' "$WORK/answer.json")"
}
echo "staff sync of $ROWS rows ($(wc -c <"$WORK/staff.csv") bytes) into the local stack's directory-service, load average $(cut -d' ' -f1 /proc/loadavg); RSS before: $(($(ps -o rss= -p "$PID") / 1024)) MB"
echo "| sync | time | rows/s | directory RSS after | outcome |"
echo "|---|---|---|---|---|"
sync "new staff (created)" "$WORK/staff.csv" ""
sync "same file again (unchanged)" "$WORK/staff.csv" ""
sync "every name changed, dry run" "$WORK/renamed.csv" "&dryRun=true"
sync "every name changed (updated)" "$WORK/renamed.csv" ""
