#!/usr/bin/env bash
# Load test of results.zip (issue 14): one large batch, then N concurrent downloads of its archive on a
# small heap (docs/load-and-faults.md).
#   scripts/batch-download-load.sh [items] [concurrent downloads…]     (defaults: 1000 items; 3 then 8)
# Renders <items> copies of examples/budget-summary/anexo-1-bienes-y-servicios.json (about 46 KB of PDF
# each), waits for the batch, then for each concurrency level downloads results.zip that many times at
# once and prints each status, the slowest time, the archive size and the heap after GC. Fails when a
# download answers other than 200, an archive is short, or the log shows an OutOfMemoryError.
# JVM options: SELLO_JAVA_OPTS (default -Xmx512m). SELLO_JAR runs another jar (e.g. an older build).
set -euo pipefail
. "$(dirname "$0")/lib/service.sh"
sello_need curl jq java jcmd unzip
sello_traps

items=${1:-1000}
shift || true
levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(3 8)
export SELLO_JAVA_OPTS=${SELLO_JAVA_OPTS:--Xmx512m}
if [ -n "${SELLO_JAR:-}" ]; then sello_jar=$SELLO_JAR; else sello_build_jar; fi

sello_scratch work batch-download
mkdir -p "$work/service"
port=$(sello_free_port)
base="http://127.0.0.1:$port"
sello_start "$work/service" "$port" "$work/service.log" --logging.structured.format.console= --logging.level.root=WARN
pid=$SELLO_PID
sello_wait_ready "$port" "$pid" 180 || sello_fail "the service did not become ready (log: $work/service.log)"
sello_log "service on $base, $SELLO_JAVA_OPTS, jar $sello_jar"

heap_mb() {
  jcmd "$pid" GC.run >/dev/null && jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.1f", $2 / 1024}'
}

jq -n --argjson n "$items" --slurpfile doc "$sello_root/examples/budget-summary/anexo-1-bienes-y-servicios.json" \
  '{type: "budget-summary", lenient: true, items: [range($n) as $i | {name: "anexo-\($i + 1)", document: $doc[0]}]}' >"$work/batch.json"
batch=$(curl -s --max-time 60 -u ana:ana-dev -H 'Content-Type: application/json' --data-binary @"$work/batch.json" "$base/api/v1/batches" | jq -r .id)
[ -n "$batch" ] && [ "$batch" != null ] || sello_fail "the batch was not accepted"
started=$(date +%s)
for i in $(seq 1 720); do
  curl -s --max-time 30 -u ana:ana-dev "$base/api/v1/batches/$batch" >"$work/progress.json" || true
  [ "$(jq -r .finished "$work/progress.json" 2>/dev/null)" = true ] && break
  sleep 5
done
[ "$(jq -r .finished "$work/progress.json")" = true ] || sello_fail "batch not finished in an hour"
done_items=$(jq -r .done "$work/progress.json")
sello_log "batch of $items rendered in $(( $(date +%s) - started )) s: done $done_items, failed $(jq -r .failed "$work/progress.json")"
sello_log "heap after GC before the downloads: $(heap_mb) MB"

status=0
for level in "${levels[@]}"; do
  for n in $(seq 1 "$level"); do
    curl -s --max-time 300 -u ana:ana-dev -o "$work/results-$level-$n.zip" -w '%{http_code} %{time_total} %{size_download}\n' \
      "$base/api/v1/batches/$batch/results.zip" >"$work/answer-$level-$n.txt" &
  done
  wait $(jobs -p | grep -v "^$pid\$") 2>/dev/null || true
  codes=$(cat "$work"/answer-"$level"-*.txt | awk '{print $1}' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  slowest=$(cat "$work"/answer-"$level"-*.txt | awk '{print $2}' | sort -n | tail -1)
  size=$(cat "$work"/answer-"$level"-*.txt | awk '{print $3}' | sort -n | tail -1)
  sello_log "$level downloads at once: ${codes}slowest ${slowest} s, largest $((size / 1024 / 1024)) MB; heap after GC $(heap_mb) MB"
  for n in $(seq 1 "$level"); do
    read -r code _ _ <"$work/answer-$level-$n.txt"
    if [ "$code" != 200 ] || [ "$(unzip -Z1 "$work/results-$level-$n.zip" 2>/dev/null | wc -l)" != "$done_items" ]; then status=1; fi
  done
  rm -f "$work"/results-"$level"-*.zip
done
if grep -q OutOfMemoryError "$work/service.log"; then
  sello_log "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$work/service.log") line(s)"
  status=1
fi
[ "$status" = 0 ] || sello_fail "some download failed or was short (log: $work/service.log)"
sello_log "every download 200 with all $done_items entries, no OutOfMemoryError"
