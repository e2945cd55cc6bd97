#!/usr/bin/env bash
# Logins for a staff import: N new staff (default 2,000) imported into a new school, then the time until the
# last of their Keycloak accounts exists (invitation sent), on the running local stack
# (deploy/local/stack.sh up). Prints one BENCH line.
#   usage: bench/account-provisioning.sh [staff]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
./mvnw -B -pl clients,deploy verify -Pe2e -Dit.test=AccountProvisioningBench -Dbench.staff="${1:-2000}" \
  -Dfailsafe.failIfNoSpecifiedTests=false >"$log" 2>&1 || { tail -n 60 "$log"; exit 1; }
grep -h "^BENCH" "$log" deploy/target/failsafe-reports/*AccountProvisioningBench*-output.txt 2>/dev/null | sort -u
