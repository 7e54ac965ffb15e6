#!/usr/bin/env bash
# Fault test: the database goes away and comes back (docs/load-and-faults.md).
# Starts a private PostgreSQL and the service against it (loopback only, scratch directories), then:
#   1. readiness UP, a registry request and a render OK;
#   2. PostgreSQL stopped with `pg_ctl -m immediate` (a crash, no goodbye to clients): readiness DOWN (503)
#      and requests that need the database answer 503 application/problem+json with Retry-After, quickly,
#      with nothing internal in the body; 401/403 and the public document types still answer;
#   3. PostgreSQL started again: readiness UP, the same requests OK, and a new batch is rendered (JobRunr's
#      job server, which stops itself when its database fails, has been started again).
# Prints the timings. Exits non-zero at the first check that fails. Takes about two minutes.
set -euo pipefail
. "$(dirname "$0")/lib/service.sh"
sello_need curl jq java
sello_traps

outage_seconds=${SELLO_OUTAGE_SECONDS:-15}   # how long the database stays down
deadline=30                                 # the bound on each wait, seconds

sello_build_jar
sello_scratch work fault-database
sello_postgres_init "$(sello_free_port)"
port=$(sello_free_port)
base="http://127.0.0.1:$port"
sello_log "PostgreSQL on 127.0.0.1:$sello_pg_port; service on $base (log: $work/service.log)"
# JobRunr's shortest poll interval is 5 s; the watchdog looks every 2 s so that recovery is quick here.
sello_start "$work" "$port" "$work/service.log" --spring.datasource.url="$SELLO_POSTGRES_URL" \
  --jobrunr.background-job-server.poll-interval-in-seconds=5 --sello.batches.job-server-check-interval=2s
service=$SELLO_PID
sello_wait_ready "$port" "$service" 180 || sello_fail "the service did not become ready (log: $work/service.log)"

example="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
registry() { sello_http "$work/registry" -u ana:ana-dev "$base/api/v1/documents"; }
render() {
  sello_http "$work/render" -u ana:ana-dev -H 'Content-Type: application/json' --data-binary "@$example" \
    "$base/api/v1/documents/poa-execution-form"
}
readiness() { sello_http "$work/ready" "$base/actuator/health/readiness"; }
status_of() { echo "${1%% *}"; }
seconds_of() { echo "${1#* }"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

expect() { # expect <what> <wanted status> <"status seconds">
  [ "$(status_of "$3")" = "$2" ] || sello_fail "$1: expected $2, got $(status_of "$3")"
  echo "  ok  $1 -> $2 in $(seconds_of "$3") s"
}

# A 503 for a lost database: problem+json, the stated type, Retry-After, and nothing internal.
expect_database_problem() { # <what> <prefix>
  grep -qi '^content-type: application/problem+json' "$2.headers" || sello_fail "$1: not application/problem+json"
  grep -qi '^retry-after: [0-9]' "$2.headers" || sello_fail "$1: no Retry-After header"
  [ "$(jq -r .type "$2.body")" = /problems/database-unavailable ] || sello_fail "$1: type is $(jq -r .type "$2.body")"
  [ "$(jq -r .status "$2.body")" = 503 ] || sello_fail "$1: status member is not 503"
  if grep -qiE 'jdbc|postgres|hikari|sql|exception|[[:space:]]at [a-z]+\.|127\.0\.0\.1|/tmp/' "$2.body"; then
    sello_fail "$1: the body leaks internals: $(cat "$2.body")"
  fi
}

echo "1. database up"
expect "readiness" 200 "$(readiness)"
expect "GET /api/v1/documents (registry)" 200 "$(registry)"
expect "POST render (audited in the registry)" 200 "$(render)"

echo "2. database stopped (pg_ctl -m immediate)"
sello_postgres_down
stopped=$(now)
ready_down=""
for _ in $(seq 1 $((deadline * 2))); do
  if [ "$(status_of "$(readiness)")" = 503 ]; then ready_down=$(since "$stopped"); break; fi
  sleep 0.5
done
[ -n "$ready_down" ] || sello_fail "readiness still UP ${deadline} s after the database stopped"
echo "  ok  readiness -> 503 (DOWN) ${ready_down} s after the stop"
answer=$(registry)
expect "GET /api/v1/documents" 503 "$answer"
expect_database_problem "GET /api/v1/documents" "$work/registry"
registry_503=$(seconds_of "$answer")
answer=$(render)
expect "POST render" 503 "$answer"
expect_database_problem "POST render" "$work/render"
render_503=$(seconds_of "$answer")
answer=$(sello_http "$work/batch" -u ana:ana-dev -H 'Content-Type: application/json' \
  --data-binary '{"type": "poa-execution-form", "items": [{"name": "uno", "document": {}}]}' "$base/api/v1/batches")
expect "POST /api/v1/batches" 503 "$answer"
expect_database_problem "POST /api/v1/batches" "$work/batch"
echo "  ok  detail: $(jq -r .detail "$work/registry.body")"
expect "no credentials (401 still)" 401 "$(sello_http "$work/anon" "$base/api/v1/documents")"
expect "GET /api/v1/audit as ana (403 still)" 403 "$(sello_http "$work/forbidden" -u ana:ana-dev "$base/api/v1/audit")"
expect "GET /api/v1/document-types (needs no database)" 200 "$(sello_http "$work/types" "$base/api/v1/document-types")"
expect "liveness (stays UP: a restart would not help)" 200 "$(sello_http "$work/live" "$base/actuator/health/liveness")"
sleep "$outage_seconds"
if grep -q 'An unrecoverable error occurred' "$work/service.log"; then
  echo "  ok  JobRunr stopped its job server during the outage (as it does), the service kept answering"
fi
kill -0 "$service" 2>/dev/null || sello_fail "the service died while the database was down"

echo "3. database started again"
sello_postgres_up
started=$(now)
ready_up=""
for _ in $(seq 1 $((deadline * 2))); do
  if [ "$(status_of "$(readiness)")" = 200 ]; then ready_up=$(since "$started"); break; fi
  sleep 0.5
done
[ -n "$ready_up" ] || sello_fail "readiness not UP ${deadline} s after the database came back"
echo "  ok  readiness -> 200 (UP) ${ready_up} s after the start"
expect "GET /api/v1/documents" 200 "$(registry)"
expect "POST render" 200 "$(render)"
# A batch accepted now must be rendered: JobRunr's job server has to be running again.
batch_request=$(jq -c '{type: "poa-execution-form", items: [range(3) as $i | {name: "tras-la-caida-\($i)", document: .}]}' "$example")
answer=$(sello_http "$work/batch" -u ana:ana-dev -H 'Content-Type: application/json' --data-binary "$batch_request" "$base/api/v1/batches")
expect "POST /api/v1/batches (3 items)" 202 "$answer"
batch=$(jq -r .id "$work/batch.body")
batch_done=""
for _ in $(seq 1 $((deadline * 4))); do
  sello_http "$work/progress" -u ana:ana-dev "$base/api/v1/batches/$batch" >/dev/null
  if [ "$(jq -r .finished "$work/progress.body")" = true ]; then batch_done=$(since "$started"); break; fi
  sleep 0.5
done
[ -n "$batch_done" ] || sello_fail "the batch was not rendered within $((deadline * 2)) s: JobRunr did not recover (log: $work/service.log)"
[ "$(jq -r .done "$work/progress.body")" = 3 ] || sello_fail "the batch finished with $(jq -r .done "$work/progress.body") of 3 done"
echo "  ok  batch of 3 rendered, finished ${batch_done} s after the database came back"
if grep -q 'JobRunr background job server found stopped' "$work/service.log"; then
  echo "  ok  JobServerWatchdog started JobRunr's job server again"
fi

cat <<EOF

PASS database outage ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)
  readiness DOWN after the stop       ${ready_down} s
  503 for GET /api/v1/documents       ${registry_503} s
  503 for POST render                 ${render_503} s
  readiness UP after the start        ${ready_up} s
  new batch finished after the start  ${batch_done} s
EOF
