#!/usr/bin/env bash
# The first request after start-up, as a client system meets it (issue 19, points 1 and 2):
#   1. starts the service (target/sello.jar, or the extracted jar with its start-up archive, see below) on a free
#      loopback port with a scratch data directory, and times it until /actuator/health/readiness says 200;
#   2. times the first request: POST seed 000's Formulario N.5.B to /api/v1/documents/poa-execution-form
#      with the development API key, as scripts/load-test.sh does;
#   3. then FIRST_REQUEST_MORE (default 50) more of the same, one after the other;
#   4. prints time to readiness, the first request, the median of the others and first / median.
# Usage:
#   scripts/first-request.sh                                  as scripts/run.sh starts it (archive when present)
#   scripts/first-request.sh --no-cds                         plain java -jar target/sello.jar, no archive
#   scripts/first-request.sh -- --sello.warm-up.enabled=false  service arguments after --
#   FIRST_REQUEST_JAR=/tmp/old/sello.jar scripts/first-request.sh --no-cds   another build, for before/after
# Each run gets a new data directory holding only the development signing keystore kept in target/first-request/
# (made on the first run), because generating its RSA key (several seconds, at random) happens once in the life of
# a data directory and would drown the figures. The database is new, so each start creates its tables (Flyway and
# JobRunr: about 0.2 s of the start-up here), as a new instance in a scale-out does.
# The last line is machine-readable: RESULT ready_s=… first_ms=… median_ms=… ratio=… cds=yes|no cpu_s=… java=…
# (cpu_s: the JVM's user + system CPU time until readiness, from /proc/<pid>/stat)
set -euo pipefail
# service.sh brings scripts/lib/cds.sh (the java and its archive)
. "$(dirname "$0")/lib/service.sh"
sello_need curl "$sello_java" awk sort
sello_traps

cds=auto
while [ $# -gt 0 ]; do
  case $1 in
    --no-cds) cds=no; shift ;;
    --) shift; break ;;
    *) sello_fail "unknown option $1 (usage: scripts/first-request.sh [--no-cds] [-- service arguments])" ;;
  esac
done
more=${FIRST_REQUEST_MORE:-50}

if [ -n "${FIRST_REQUEST_JAR:-}" ]; then
  sello_jar=$FIRST_REQUEST_JAR
  [ "$cds" = no ] || sello_fail "FIRST_REQUEST_JAR goes with --no-cds (the archive belongs to target/sello.jar)"
else
  sello_build_jar
fi
sello_scratch work first-request
keystore_cache="$sello_root/target/first-request/dev-signing.p12"
mkdir -p "$work/data"
[ ! -f "$keystore_cache" ] || cp "$keystore_cache" "$work/data/"
port=$(sello_free_port)
base="http://127.0.0.1:$port"
body="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
key=${SELLO_LOAD_API_KEY:-dev-api-key-not-for-production}

sello_cds_pick "$([ "$cds" = auto ] && echo yes || echo no)"
jar=${FIRST_REQUEST_JAR:-$sello_pick_jar}
cds_options=("${sello_pick_options[@]}")
cds=$sello_pick_cds

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s%N)
# shellcheck disable=SC2086 # SELLO_JAVA_OPTS is a list of options
(cd "$work" && exec "$sello_java" -Djava.awt.headless=true ${SELLO_JAVA_OPTS:-} "${cds_options[@]}" -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" "$@" >"$work/service.log" 2>&1) &
service=$!
sello_pids+=("$service")

# Polled every 50 ms, so the figure is not rounded to the poll interval of sello_wait_ready.
ready=
for _ in $(seq 1 2400); do
  kill -0 "$service" 2>/dev/null || break
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/actuator/health/readiness")" = 200 ]; then
    ready=$(date +%s%N)
    # CPU time of the JVM until readiness (user + system, all its threads): less sensitive than wall clock to
    # other work on a shared machine (issue 19, point 2).
    ticks=$(awk '{ print $14 + $15 }' "/proc/$service/stat" 2>/dev/null || echo 0)
    break
  fi
  sleep 0.05
done
[ -n "$ready" ] || { tail -20 "$work/service.log" >&2; sello_fail "the service did not become ready (log: $work/service.log)"; }
if [ ! -f "$keystore_cache" ] && [ -f "$work/data/dev-signing.p12" ]; then
  mkdir -p "$(dirname "$keystore_cache")" && cp "$work/data/dev-signing.p12" "$keystore_cache"
fi
ready_s=$(awk -v a="$started" -v b="$ready" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
cpu_s=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')

render() {
  local answer
  answer=$(curl -s --max-time 60 -o "$work/form.pdf" -w '%{http_code} %{time_total}' -H "X-Api-Key: $key" \
      -H 'Content-Type: application/json' --data-binary @"$body" "$base/api/v1/documents/poa-execution-form")
  [ "${answer%% *}" = 200 ] || sello_fail "render answered ${answer%% *}"
  awk -v s="${answer#* }" 'BEGIN { printf "%.1f\n", s * 1000 }'
}

first_ms=$(render)
for _ in $(seq 1 "$more"); do
  render
done >"$work/more.txt"
median_ms=$(sort -n "$work/more.txt" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
ratio=$(awk -v f="$first_ms" -v m="$median_ms" 'BEGIN { printf "%.2f", f / m }')

echo "load average at start: $load_at_start (2 cores, shared with other builds)"
echo "time to readiness:     $ready_s s (Java $sello_java_version, $sello_java; $sello_cds_kind: $cds; service arguments: ${*:-none})"
echo "  JVM CPU time by then: $cpu_s s (user + system, all threads)"
started=$(grep -o 'Started SelloApplication in [0-9.]* seconds' "$work/service.log" | grep -o '[0-9.]*' || true)
warm=$(grep -o 'warm-up: [^"]* in [0-9]* ms' "$work/service.log" | grep -o '[0-9]* ms$' || true)
echo "  of which Spring:     ${started:-?} s (its own \"Started SelloApplication in\"), warm-up: ${warm:-none}"
echo "first request:         $first_ms ms"
echo "next $more, median:     $median_ms ms (min $(sort -n "$work/more.txt" | head -1), max $(sort -n "$work/more.txt" | tail -1))"
echo "first / median:        $ratio (goal: at most 2)"
echo "RESULT ready_s=$ready_s first_ms=$first_ms median_ms=$median_ms ratio=$ratio cds=$cds cpu_s=$cpu_s java=$sello_java_version"
