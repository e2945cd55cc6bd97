#!/usr/bin/env bash
# The CPD Partnership Suite on one machine, without a container engine: real PostgreSQL, a real
# Kafka broker (KRaft), real Keycloak with the dev realm, and every service in prod mode.
#
#   deploy/local/stack.sh up            start everything, print how to use it, stay in the foreground;
#                                       Ctrl-C stops everything this script started
#   deploy/local/stack.sh up --detach   start everything and return once all of it is ready (CI)
#   deploy/local/stack.sh up --infra-only  PostgreSQL, Kafka and Keycloak only (services in quarkus:dev)
#   deploy/local/stack.sh stop          stop exactly what `up` started (recorded PIDs), nothing else
#   deploy/local/stack.sh status        what is running and whether it is ready
#   deploy/local/stack.sh logs NAME     follow one log (postgres, kafka, keycloak, gateway, ...)
# One component of a running stack (failure tests; NAME is kafka or a service, e.g. relationships-service):
#   deploy/local/stack.sh stop NAME     stop it cleanly (SIGTERM, SIGKILL after 30 s)
#   deploy/local/stack.sh kill9 NAME    kill it with SIGKILL (no shutdown hooks: a crash), wait until it is gone
#   deploy/local/stack.sh start NAME    start it again as `up` does, return once it is ready
#
# Binaries come from Maven (deploy/pom.xml) into ~/.m2 and are unpacked under deploy/local/.work/
# (gitignored): the first start downloads, later starts reuse. Logs: deploy/local/.work/logs/.
# Tunables (environment): CPD_STACK_BIND (127.0.0.1), CPD_STACK_JAVA_OPTS, CPD_STACK_MVN_ARGS,
# CPD_STACK_SKIP_BUILD=1, CPD_STACK_TIMEOUT (seconds per wait, default 600), CPD_STACK_PG_USER
# (account that runs PostgreSQL when started as root, default nobody).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/.work"
LOGS="$WORK/logs"
RUN="$WORK/run"

BIND=${CPD_STACK_BIND:-127.0.0.1}
TIMEOUT=${CPD_STACK_TIMEOUT:-600}
JAVA_OPTS_SERVICE=${CPD_STACK_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
read -r -a MVN_ARGS <<<"${CPD_STACK_MVN_ARGS:-}"

# Fixed ports below the Linux ephemeral range (32768-60999), so no outgoing connection can hold one.
PG_PORT=25432
KAFKA_PORT=29092
KAFKA_CONTROLLER_PORT=29093
KC_PORT=8180
# GreenMail: SMTP for Keycloak's mail, POP3 and its REST API to read what arrived (any user, any password).
# Its test setups' ports (-Dgreenmail.setup.test.*).
SMTP_PORT=3025
POP3_PORT=3110
MAIL_API_PORT=8025
KC_MGMT_PORT=9180
KC_URL="http://localhost:$KC_PORT"
ISSUER="$KC_URL/realms/cpd"
DEV_REALM="$ROOT/deploy/keycloak/dev/realm-cpd-dev.json"
DATABASES=(directory relationships goals)

# Services in start order: name, port, database ("-" for none).
SERVICES=(directory-service relationships-service goals-service gateway)
declare -A PORT=([directory-service]=8081 [relationships-service]=8082 [goals-service]=8083 [gateway]=8080)
# Management interfaces (health, metrics, raw OpenAPI; prod profile): one port each, off the API ports.
declare -A MGMT_PORT=([directory-service]=9081 [relationships-service]=9082 [goals-service]=9083 [gateway]=9080)
declare -A DB=([directory-service]=directory [relationships-service]=relationships [goals-service]=goals [gateway]=-)
# Everything `stop` knows about, stopped in reverse.
COMPONENTS=(postgres greenmail kafka keycloak "${SERVICES[@]}")

# ---------------------------------------------------------------------------------------------------
say() { printf '%s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

# "<pid> <start time in clock ticks>": the pair identifies one process even after PIDs are reused.
proc_start() { [ -r "/proc/$1/stat" ] && awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null; }

record_pid() { # name pid
  local start
  start=$(proc_start "$2") || start=""
  printf '%s %s\n' "$2" "$start" >"$RUN/$1.pid"
}

# Prints the recorded PID of a component if that very process is still alive.
live_pid() {
  local file="$RUN/$1.pid" pid start
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || return 1
  [ -n "${pid:-}" ] && [ -n "${start:-}" ] || return 1
  [ "$(proc_start "$pid" || true)" = "$start" ] || return 1
  printf '%s\n' "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { # url [body-substring]
  local body
  body=$(curl -fsS --max-time 5 "$1" 2>/dev/null) || return 1
  [ -z "${2:-}" ] || [[ $body == *"$2"* ]]
}

log_hint() { # name
  say "  log: $LOGS/$1.log"
  if [ -s "$LOGS/$1.log" ]; then
    say "  last lines:"
    tail -n 15 "$LOGS/$1.log" | sed 's/^/    | /'
  fi
}

# wait_until name description check-command...: polls until the check passes, the process dies, or time runs out.
wait_until() {
  local name=$1 what=$2 started deadline pid
  shift 2
  started=$(now)
  deadline=$((started + TIMEOUT))
  until "$@"; do
    if ! pid=$(live_pid "$name"); then
      say "stack: $name exited before it was ready ($what)."
      log_hint "$name"
      return 1
    fi
    if [ "$(now)" -ge "$deadline" ]; then
      say "stack: $name was not ready after ${TIMEOUT}s ($what). Raise CPD_STACK_TIMEOUT if this machine is just slow."
      log_hint "$name"
      return 1
    fi
    sleep 1
  done
  say "  $name ready ($what) after $(($(now) - started))s"
}

# Starts a command in its own session (so its process group can be stopped as a whole), detached from
# this terminal, output to its log, and records its PID (= process group id).
launch() { # name command...
  local name=$1
  shift
  : >"$LOGS/$name.log"
  setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  record_pid "$name" "$!"
}

require_free_port() { # name port
  if port_open "$2"; then
    die "port $2 (for $1) is already in use by a process this stack did not start. Stop it, or run '$0 status'."
  fi
}

# ---------------------------------------------------------------------------------------------------
# Artifacts: one Maven call resolves the Kafka classpath and unpacks Keycloak and PostgreSQL, then a stamp
# (hash of the poms) makes later starts skip Maven entirely.
KC_HOME=""
PG_HOME="$WORK/postgres"

resolve_artifacts() {
  local stamp_file="$WORK/artifacts.stamp" stamp kc_version
  kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
  [ -n "$kc_version" ] || die "no <keycloak.version> in $ROOT/pom.xml"
  KC_HOME="$WORK/keycloak/keycloak-$kc_version"
  stamp=$(cat "$ROOT/pom.xml" "$ROOT/deploy/pom.xml" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp_file" 2>/dev/null || true)" != "$stamp" ] || [ ! -s "$WORK/kafka.classpath" ] \
      || [ ! -x "$KC_HOME/bin/kc.sh" ] || [ ! -x "$PG_HOME/bin/postgres" ] || [ ! -s "$WORK/greenmail/greenmail-standalone.jar" ]; then
    step "Resolving binaries through Maven (the first time downloads Keycloak, Kafka and PostgreSQL, ~300 MB)"
    local t0
    t0=$(now)
    # Unpacked trees stay: the plugin's markers skip what is already unpacked, so Keycloak keeps its
    # build and its dev database when only an unrelated part of a pom changed.
    (cd "$ROOT" && ./mvnw -B -q "${MVN_ARGS[@]}" -pl deploy -Dlocal-stack \
        dependency:build-classpath dependency:unpack@keycloak-dist dependency:unpack@postgres-binaries dependency:copy@greenmail \
        -DincludeScope=runtime -Dmdep.outputFile="$WORK/kafka.classpath" -Dstack.work="$WORK") \
      || die "Maven could not resolve the stack's binaries (see above)."
    [ -x "$KC_HOME/bin/kc.sh" ] || die "Keycloak $kc_version was not unpacked to $KC_HOME"
    local archive
    archive=$(compgen -G "$WORK/postgres-archive/*.txz" | head -n 1) || true
    [ -n "$archive" ] || die "no PostgreSQL archive under $WORK/postgres-archive"
    if [ ! -x "$PG_HOME/bin/postgres" ]; then
      command -v xz >/dev/null || die "the PostgreSQL binaries are an .txz archive: install xz-utils (apt-get install xz-utils)."
      rm -rf "$PG_HOME"
      mkdir -p "$PG_HOME"
      tar -xJf "$archive" -C "$PG_HOME"
    fi
    printf '%s\n' "$stamp" >"$stamp_file"
    say "  binaries ready in $(($(now) - t0))s"
  fi
}

# ---------------------------------------------------------------------------------------------------
# PostgreSQL refuses to run as root: as root the server runs as an unprivileged account.
PG_USER=""
PG_DATA="$WORK/pgdata"

as_pg() {
  if [ -z "$PG_USER" ]; then
    "$@"
  elif command -v runuser >/dev/null; then
    runuser -u "$PG_USER" -- "$@"
  else
    setpriv --reuid="$PG_USER" --regid="$(id -g "$PG_USER")" --clear-groups -- "$@"
  fi
}

prepare_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    PG_USER=${CPD_STACK_PG_USER:-nobody}
    id "$PG_USER" >/dev/null 2>&1 || die "user $PG_USER (runs PostgreSQL when started as root) does not exist; set CPD_STACK_PG_USER."
    if ! as_pg test -x "$PG_HOME/bin/postgres"; then
      die "$PG_USER cannot reach $PG_HOME (a parent directory is not searchable by others). Clone the repository where other users can read it, or run as a normal user."
    fi
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    step "Creating the PostgreSQL cluster (once): user cpd/cpd, databases ${DATABASES[*]}"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    local pwfile="$RUN/pg.pw"
    printf 'cpd\n' >"$pwfile"
    if [ -n "$PG_USER" ]; then chown "$PG_USER" "$PG_DATA" "$pwfile"; fi
    chmod 700 "$PG_DATA"
    as_pg "$PG_HOME/bin/initdb" -D "$PG_DATA" -U cpd --pwfile="$pwfile" -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$LOGS/postgres-init.log" 2>&1 \
      || { rm -f "$pwfile"; say "stack: initdb failed"; log_hint postgres-init; exit 1; }
    rm -f "$pwfile"
    # Single-user mode creates the databases before the server ever listens (the binaries have no psql).
    printf 'CREATE DATABASE %s OWNER cpd;\n' "${DATABASES[@]}" \
      | as_pg "$PG_HOME/bin/postgres" --single -D "$PG_DATA" -c exit_on_error=true postgres >>"$LOGS/postgres-init.log" 2>&1 \
      || { say "stack: creating the databases failed"; log_hint postgres-init; exit 1; }
  fi
}

start_postgres() {
  require_free_port postgres "$PG_PORT"
  prepare_postgres
  : >"$LOGS/postgres.log"
  if [ -n "$PG_USER" ]; then chown "$PG_USER" "$LOGS/postgres.log"; fi
  rm -f "$PG_DATA/postmaster.pid"
  # Own session: a Ctrl-C in the terminal reaches this script only, which then stops things in order.
  as_pg setsid -w "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t "$TIMEOUT" \
      -o "-p $PG_PORT -c listen_addresses=$BIND -c unix_socket_directories='' -c fsync=off -c max_connections=100" \
      start >"$LOGS/postgres-ctl.log" 2>&1 \
    || { say "stack: PostgreSQL did not start"; log_hint postgres; exit 1; }
  record_pid postgres "$(head -n 1 "$PG_DATA/postmaster.pid")"
}

stop_postgres() {
  local pid
  pid=$(live_pid postgres) || { rm -f "$RUN/postgres.pid"; return 0; }
  say "  stopping postgres (pid $pid)"
  PG_USER=""
  if [ "$(id -u)" -eq 0 ]; then PG_USER=${CPD_STACK_PG_USER:-nobody}; fi
  as_pg "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$LOGS/postgres-ctl.log" 2>&1 \
    || kill_group postgres "$pid"
  rm -f "$RUN/postgres.pid"
}

# ---------------------------------------------------------------------------------------------------
KAFKA_DATA="$WORK/kafka-data"

start_kafka() {
  require_free_port kafka "$KAFKA_PORT"
  require_free_port kafka-controller "$KAFKA_CONTROLLER_PORT"
  local props="$WORK/kafka.properties" args="$WORK/kafka.jvm-args"
  printf -- '-cp\n%s\n' "$(cat "$WORK/kafka.classpath")" >"$args"
  cat >"$props" <<EOF
# Generated by deploy/local/stack.sh: one node, broker and controller in one process (KRaft).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$BIND:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    step "Formatting Kafka storage (once)"
    local cluster_id
    cluster_id=$(java "@$args" kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-format.log" | tail -n 1)
    java "@$args" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >>"$LOGS/kafka-format.log" 2>&1 \
      || { say "stack: formatting Kafka storage failed"; log_hint kafka-format; exit 1; }
  fi
  launch kafka java -Xms128m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
    "@$args" kafka.Kafka "$props"
}

kafka_ready() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOGS/kafka.log"; }

# ---------------------------------------------------------------------------------------------------
# GreenMail: the mail server Keycloak sends invitations through (the dev realm's smtpServer). Mailboxes are
# created on first delivery; read them with POP3 (user = the address, any password) or its REST API.
start_greenmail() {
  require_free_port greenmail-smtp "$SMTP_PORT"
  require_free_port greenmail-pop3 "$POP3_PORT"
  require_free_port greenmail-api "$MAIL_API_PORT"
  launch greenmail java -Xms32m -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.hostname="$BIND" -Dgreenmail.auth.disabled \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.pop3 \
    -Dgreenmail.api.hostname="$BIND" -Dgreenmail.api.port="$MAIL_API_PORT" \
    -jar "$WORK/greenmail/greenmail-standalone.jar"
}

greenmail_ready() { port_open "$SMTP_PORT" && port_open "$POP3_PORT"; }

# ---------------------------------------------------------------------------------------------------
start_keycloak() {
  require_free_port keycloak "$KC_PORT"
  require_free_port keycloak-management "$KC_MGMT_PORT"
  # The import skips a realm that already exists: when the dev realm file changes, start from a fresh
  # dev database so the change takes effect.
  local sum
  sum=$(sha256sum "$DEV_REALM" | cut -d' ' -f1)
  if [ "$(cat "$WORK/keycloak-realm.sha256" 2>/dev/null || true)" != "$sum" ]; then
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs"
  fi
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$DEV_REALM" "$KC_HOME/data/import/"
  printf '%s\n' "$sum" >"$WORK/keycloak-realm.sha256"
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host="$BIND" --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" --hostname="$KC_URL" --import-realm
}

keycloak_ready() { http_ok "http://127.0.0.1:$KC_PORT/realms/cpd/.well-known/openid-configuration" "\"issuer\":\"$ISSUER\""; }

# ---------------------------------------------------------------------------------------------------
# Services: built once; rebuilt only when a source or pom is newer than the jar.
jar_of() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$ROOT" "$1"; }

build_services() {
  local stale=() svc jar
  for svc in "${SERVICES[@]}"; do
    [ -f "$ROOT/$svc/pom.xml" ] || die "module $svc is missing: the local stack needs all of ${SERVICES[*]}."
    jar=$(jar_of "$svc")
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/commons/pom.xml" "$ROOT/commons/src" \
          "$ROOT/$svc/pom.xml" "$ROOT/$svc/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      stale+=("$svc")
    fi
  done
  if [ "${#stale[@]}" -eq 0 ]; then
    say "  service jars are up to date"
    return 0
  fi
  if [ "${CPD_STACK_SKIP_BUILD:-0}" = 1 ]; then
    for svc in "${stale[@]}"; do [ -f "$(jar_of "$svc")" ] || die "CPD_STACK_SKIP_BUILD=1 but $(jar_of "$svc") does not exist."; done
    say "  CPD_STACK_SKIP_BUILD=1: using existing jars of ${stale[*]}"
    return 0
  fi
  step "Building ${stale[*]} (prod mode, tests skipped)"
  local t0 list
  t0=$(now)
  list=$(IFS=,; printf '%s' "${stale[*]}")
  (cd "$ROOT" && ./mvnw -B -q "${MVN_ARGS[@]}" -DskipTests package -pl "$list" -am) \
    || die "building the services failed (see above)."
  say "  built in $(($(now) - t0))s"
}

start_service() { # name
  local svc=$1 env=() db=${DB[$1]}
  require_free_port "$svc" "${PORT[$svc]}"
  require_free_port "$svc-management" "${MGMT_PORT[$svc]}"
  env+=(QUARKUS_HTTP_PORT="${PORT[$svc]}" QUARKUS_HTTP_HOST="$BIND" QUARKUS_PROFILE=prod
        QUARKUS_MANAGEMENT_PORT="${MGMT_PORT[$svc]}" QUARKUS_MANAGEMENT_HOST="$BIND"
        QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT"
        QUARKUS_OTEL_SDK_DISABLED="${QUARKUS_OTEL_SDK_DISABLED:-true}")
  if [ "$db" != - ]; then
    env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG_PORT/$db"
          QUARKUS_DATASOURCE_USERNAME=cpd QUARKUS_DATASOURCE_PASSWORD=cpd)
  fi
  case $svc in
    # Webhooks may be sent to a receiver on this machine (plain http on loopback), so they can be tried locally.
    directory-service) env+=(CPD_SEED_ENABLED=true CPD_WEBHOOKS_ALLOWED_HOSTS="${CPD_WEBHOOKS_ALLOWED_HOSTS:-127.0.0.1}") ;;
    gateway) env+=(DIRECTORY_URL="http://localhost:${PORT[directory-service]}"
                   RELATIONSHIPS_URL="http://localhost:${PORT[relationships-service]}"
                   GOALS_URL="http://localhost:${PORT[goals-service]}"
                   DIRECTORY_MANAGEMENT_URL="http://localhost:${MGMT_PORT[directory-service]}"
                   RELATIONSHIPS_MANAGEMENT_URL="http://localhost:${MGMT_PORT[relationships-service]}"
                   GOALS_MANAGEMENT_URL="http://localhost:${MGMT_PORT[goals-service]}"
                   CPD_GATEWAY_OPENAPI_LOGIN_ISSUER="$ISSUER") ;;
  esac
  local opts
  read -r -a opts <<<"$JAVA_OPTS_SERVICE"
  launch "$svc" env "${env[@]}" java "${opts[@]}" -jar "$(jar_of "$svc")"
}

service_ready() { http_ok "http://127.0.0.1:${MGMT_PORT[$1]}/q/health/ready" '"UP"'; }

# ---------------------------------------------------------------------------------------------------
kill_group() { # name pid
  local name=$1 pid=$2 i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 30); do
    kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  say "  $name did not stop within 30s: killing it"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

stop_one() { # name
  local name=$1 pid
  if [ "$name" = postgres ]; then stop_postgres; return; fi
  if pid=$(live_pid "$name"); then
    say "  stopping $name (pid $pid)"
    kill_group "$name" "$pid"
  fi
  rm -f "$RUN/$name.pid"
}

stop_all() {
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do stop_one "${COMPONENTS[$i]}"; done
}

any_running() {
  local c
  for c in "${COMPONENTS[@]}"; do live_pid "$c" >/dev/null && return 0; done
  return 1
}

# ---------------------------------------------------------------------------------------------------
print_usage_info() {
  local took=$1
  cat <<EOF

CPD local stack is ready (${took}s). Logs: ${LOGS#"$ROOT"/}/

  gateway                http://localhost:${PORT[gateway]}      API under /api/v1, merged OpenAPI at /api/v1/openapi.json
  directory-service      http://localhost:${PORT[directory-service]}
  relationships-service  http://localhost:${PORT[relationships-service]}
  goals-service          http://localhost:${PORT[goals-service]}
  management             /q/health  /q/metrics  /q/openapi on ports gateway ${MGMT_PORT[gateway]}, directory ${MGMT_PORT[directory-service]}, relationships ${MGMT_PORT[relationships-service]}, goals ${MGMT_PORT[goals-service]}
  Keycloak               $KC_URL      realm cpd; admin console $KC_URL/admin (admin / admin)
  PostgreSQL             localhost:$PG_PORT     user cpd / cpd; databases ${DATABASES[*]}
  GreenMail              smtp localhost:$SMTP_PORT, pop3 localhost:$POP3_PORT, API http://localhost:$MAIL_API_PORT  (Keycloak's mail; any user/password)
  Kafka                  localhost:$KAFKA_PORT     topics cpd.directory.events, cpd.relationships.events, cpd.goals.events

Get a token as a demo user (admin, lead, mentor or teacher; password demo):

  TOKEN=\$(curl -s -d grant_type=password -d client_id=cpd-portal -d username=lead -d password=demo \\
    $ISSUER/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

or as the demo school MIS (client credentials):

  TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=cpd-mis-demo -d client_secret=cpd-mis-demo-secret \\
    $ISSUER/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

then call the API through the gateway:

  curl -s -H "Authorization: Bearer \$TOKEN" 'http://localhost:${PORT[gateway]}/api/v1/practitioners?schoolUrn=100001&limit=5'

EOF
}

on_failed_start() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    say "stack: start-up failed; stopping what was started"
    stop_all
  fi
}

cmd_up() {
  local detach=0 infra_only=0 t0 arg
  for arg in "$@"; do
    case $arg in
      --detach) detach=1 ;;
      --infra-only) infra_only=1 ;;
      *) die "unknown option $arg (use --detach and/or --infra-only)" ;;
    esac
  done
  command -v java >/dev/null || die "java is not on the PATH (JDK 17 or newer is needed)."
  command -v curl >/dev/null || die "curl is needed to check readiness."
  if any_running; then
    die "the stack (or part of it) is already running: '$0 status' shows what; '$0 stop' stops it."
  fi
  mkdir -p "$LOGS" "$RUN"
  t0=$(now)

  # From here on, a failure or Ctrl-C stops whatever has been started.
  # Traps only record or exit: the clean-up runs in the main shell (EXIT), never inside a trap that a
  # command substitution might be running when the signal lands.
  trap 'say; say "stack: interrupted"; exit 130' INT TERM
  trap on_failed_start EXIT

  resolve_artifacts
  if [ "$infra_only" = 0 ]; then build_services; fi

  step "Starting PostgreSQL, Kafka and Keycloak"
  start_postgres
  say "  postgres ready on localhost:$PG_PORT"
  start_greenmail
  start_kafka
  start_keycloak
  wait_until greenmail "SMTP on localhost:$SMTP_PORT, POP3 on localhost:$POP3_PORT" greenmail_ready
  wait_until kafka "broker on localhost:$KAFKA_PORT" kafka_ready
  wait_until keycloak "realm cpd served at $ISSUER" keycloak_ready

  local svc
  if [ "$infra_only" = 0 ]; then
    step "Starting the services"
    for svc in "${SERVICES[@]}"; do start_service "$svc"; done
    for svc in "${SERVICES[@]}"; do
      wait_until "$svc" "http://localhost:${MGMT_PORT[$svc]}/q/health/ready" service_ready "$svc"
    done
  else
    say "  --infra-only: services not started (run them with ./mvnw -pl <service> quarkus:dev)"
  fi

  print_usage_info "$(($(now) - t0))"
  trap - EXIT
  if [ "$detach" = 1 ]; then
    trap - INT TERM
    say "Running in the background; stop with: deploy/local/stack.sh stop"
    return 0
  fi

  say "Press Ctrl-C to stop the stack."
  STOP_REQUESTED=0
  trap 'STOP_REQUESTED=1' INT TERM
  local reported=""
  while [ "$STOP_REQUESTED" = 0 ]; do
    # A background sleep ignores the terminal's SIGINT; `wait` returns as soon as a trap fires.
    sleep 2 &
    wait $! 2>/dev/null || true
    [ "$STOP_REQUESTED" = 0 ] || break
    for svc in "${COMPONENTS[@]}"; do
      if ! live_pid "$svc" >/dev/null && [[ " $reported " != *" $svc "* ]]; then
        say "stack: $svc has exited; see $LOGS/$svc.log"
        reported+=" $svc"
      fi
    done
  done
  trap 'say "  (still stopping, please wait)"' INT TERM
  say
  step "Stopping"
  stop_all
  say "stopped"
}

cmd_stop() {
  [ -d "$RUN" ] || { say "nothing to stop"; return 0; }
  if ! any_running; then
    rm -f "$RUN"/*.pid
    say "nothing to stop"
    return 0
  fi
  step "Stopping the local stack"
  stop_all
  say "stopped"
}

cmd_status() {
  local c pid state ready
  printf '%-22s %-8s %-8s %s\n' COMPONENT PID STATE READY
  for c in "${COMPONENTS[@]}"; do
    ready=-
    if pid=$(live_pid "$c"); then
      state=running
      ready=no
      case $c in
        postgres) if port_open "$PG_PORT"; then ready=yes; fi ;;
        kafka) if kafka_ready; then ready=yes; fi ;;
        greenmail) if greenmail_ready; then ready=yes; fi ;;
        keycloak) if keycloak_ready; then ready=yes; fi ;;
        *) if service_ready "$c"; then ready=yes; fi ;;
      esac
    else
      pid=-
      state=stopped
    fi
    printf '%-22s %-8s %-8s %s\n' "$c" "$pid" "$state" "$ready"
  done
}

# Failure tests stop and start single parts of a running stack; PostgreSQL and Keycloak are left out
# (everything else depends on them).
one_component() { # name
  local c
  for c in kafka "${SERVICES[@]}"; do [ "$c" = "${1:-}" ] && return 0; done
  die "expected one of: kafka ${SERVICES[*]}"
}

cmd_stop_one() { # name
  one_component "$1"
  live_pid "$1" >/dev/null || say "  $1 is not running"
  stop_one "$1"
}

cmd_kill9() { # name
  one_component "${1:-}"
  local name=$1 pid i
  pid=$(live_pid "$name") || die "$name is not running"
  say "  kill -9 $name (pid $pid)"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  # Gone once /proc no longer shows this very process (a recycled PID has another start time).
  for i in $(seq 1 100); do
    live_pid "$name" >/dev/null || break
    sleep 0.1
  done
  live_pid "$name" >/dev/null && die "$name (pid $pid) is still alive after SIGKILL"
  rm -f "$RUN/$name.pid"
}

cmd_start_one() { # name
  one_component "${1:-}"
  local name=$1
  live_pid "$name" >/dev/null && die "$name is already running"
  mkdir -p "$LOGS" "$RUN"
  # The log is started afresh: keep the one of the run that ended.
  if [ -s "$LOGS/$name.log" ]; then cp "$LOGS/$name.log" "$LOGS/$name.previous.log"; fi
  if [ "$name" = kafka ]; then
    [ -s "$WORK/kafka.classpath" ] || die "no Kafka classpath: start the stack with '$0 up' first"
    start_kafka
    wait_until kafka "broker on localhost:$KAFKA_PORT" kafka_ready
  else
    [ -f "$(jar_of "$name")" ] || die "$(jar_of "$name") does not exist: start the stack with '$0 up' first"
    start_service "$name"
    wait_until "$name" "http://localhost:${MGMT_PORT[$name]}/q/health/ready" service_ready "$name"
  fi
}

cmd_logs() {
  [ -n "${1:-}" ] || die "usage: $0 logs NAME (one of: ${COMPONENTS[*]})"
  [ -f "$LOGS/$1.log" ] || die "no log $LOGS/$1.log"
  exec tail -n 100 -f "$LOGS/$1.log"
}

case ${1:-} in
  up) shift; cmd_up "$@" ;;
  stop) if [ -n "${2:-}" ]; then cmd_stop_one "$2"; else cmd_stop; fi ;;
  kill9) cmd_kill9 "${2:-}" ;;
  start) cmd_start_one "${2:-}" ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
