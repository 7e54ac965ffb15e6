#!/usr/bin/env bash
# Fault test: `kill -9` in the middle of a batch, then a restart on the same data (docs/load-and-faults.md).
#   scripts/fault-kill-batch.sh [--postgres] [items]      (items: 10–200, default 40)
# Starts the service (embedded H2 in a scratch directory, or with --postgres a private PostgreSQL), a
# webhook receiver on loopback, and submits a batch of poa-execution-form items. When some but not all are
# done it SIGKILLs the JVM (no shutdown hook, jobs cut off mid-render), starts the service again on the same
# data, and waits for the batch to finish. Then it checks that every job completed exactly once:
#   - every item DONE, none failed; results.zip holds each item's PDF once;
#   - items done before the kill were not rendered again (attempts 1, finished by the first instance);
#     items cut off by the kill were finished by the second (attempts 2: the render that died, and this one);
#   - the signed webhook arrived exactly once, saying all items done.
# Bounded: about 3–5 minutes. Exits non-zero at the first check that fails.
set -euo pipefail
. "$(dirname "$0")/lib/service.sh"
sello_need curl jq java
sello_traps

postgres=""
items=40
for arg in "$@"; do
  case "$arg" in
    --postgres) postgres=1 ;;
    *[!0-9]*|"") sello_fail "usage: scripts/fault-kill-batch.sh [--postgres] [items]" ;;
    *) items=$arg ;;
  esac
done
[ "$items" -ge 10 ] && [ "$items" -le 200 ] || sello_fail "items: 10 to 200"

sello_build_jar
sello_scratch work fault-kill-batch
mkdir -p "$work/service" "$work/hooks"
database=()
if [ -n "$postgres" ]; then
  sello_postgres_init "$(sello_free_port)"
  database=(--spring.datasource.url="$SELLO_POSTGRES_URL")
fi
port=$(sello_free_port)
hook_port=$(sello_free_port)
base="http://127.0.0.1:$port"
# A fresh webhook secret for this run, handed over in the environment (not on a command line `ps` shows).
SELLO_WEBHOOK_SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
export SELLO_WEBHOOK_SECRET SELLO_BATCHES_WEBHOOKSECRET=$SELLO_WEBHOOK_SECRET

java "$sello_root/scripts/faults/WebhookReceiver.java" "$hook_port" "$work/hooks" 900 >"$work/hooks/receiver.log" 2>&1 &
sello_pids+=("$!")

# JobRunr looks for work every 5 s (its minimum) and takes a server as dead after 4 polls without a
# heartbeat: the jobs the killed instance held are run again about 20 s after the restart.
start_instance() { # <instance name> <log>
  sello_start "$work/service" "$port" "$1.log" "${database[@]}" --sello.batches.instance-name="$2" \
    --jobrunr.background-job-server.poll-interval-in-seconds=5
}
progress() { curl -s --max-time 30 -u ana:ana-dev "$base/api/v1/batches/$batch" >"$work/progress.json" || true; }
field() { jq -r "$1" "$work/progress.json" 2>/dev/null || echo ""; }

sello_log "service on $base ($([ -n "$postgres" ] && echo "PostgreSQL 127.0.0.1:$sello_pg_port" || echo "H2 file in $work/service/data")), webhook receiver on 127.0.0.1:$hook_port"
start_instance "$work/first" first
first=$SELLO_PID
sello_wait_ready "$port" "$first" 180 || sello_fail "the service did not become ready (log: $work/first.log)"

example="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
jq -c --argjson n "$items" --arg hook "http://127.0.0.1:$hook_port/hook" \
  '{type: "poa-execution-form", webhook: $hook, items: [range($n) as $i | {name: "item-\($i + 1)", document: .}]}' \
  "$example" >"$work/batch-request.json"
answer=$(sello_http "$work/accepted" -u ana:ana-dev -H 'Content-Type: application/json' --data-binary "@$work/batch-request.json" "$base/api/v1/batches")
[ "${answer%% *}" = 202 ] || sello_fail "batch not accepted: $answer $(cat "$work/accepted.body")"
batch=$(jq -r .id "$work/accepted.body")
submitted=$(date +%s)
sello_log "batch $batch of $items items accepted"

# Kill when a good part is done but well before the end, so that jobs are surely in flight.
target=$((items / 4 > 3 ? items / 4 : 3))
done_before=0
for _ in $(seq 1 360); do
  progress
  done_before=$(field .done)
  [ "${done_before:-0}" -ge "$target" ] && break
  sleep 0.5
done
[ "${done_before:-0}" -ge "$target" ] || sello_fail "fewer than $target items done after 180 s (log: $work/first.log)"
[ "$(field .pending)" -gt 0 ] || sello_fail "the batch finished before the kill; use more items"
kill -9 "$first"
wait "$first" 2>/dev/null || true
killed=$(date +%s)
cp "$work/progress.json" "$work/progress-at-kill.json"
# Items seen done at the last look before the kill (more may have finished in between: that is fine).
jq -r '.items[] | select(.status == "DONE") | .item' "$work/progress-at-kill.json" | sort -n >"$work/done-before.txt"
sello_log "kill -9 after $((killed - submitted)) s with $done_before of $items done (pending $(field .pending))"

start_instance "$work/second" second
second=$SELLO_PID
sello_wait_ready "$port" "$second" 180 || sello_fail "the service did not start again on the same data (log: $work/second.log)"
restarted=$(date +%s)
sello_log "restarted in $((restarted - killed)) s"

finished=""
for _ in $(seq 1 480); do
  progress
  if [ "$(field .finished)" = true ] && [ "$(field .webhook)" = delivered ]; then finished=$(date +%s); break; fi
  sleep 0.5
done
[ -n "$finished" ] || sello_fail "batch not finished (or webhook not delivered) 240 s after the restart: $(field '"done \(.done), failed \(.failed), pending \(.pending), webhook \(.webhook)"')"
sello_log "batch finished $((finished - restarted)) s after the restart"
# Give a duplicate webhook or a late duplicate job the time to show up: two JobRunr polls.
sleep 10
progress

echo "checks"
ok() { echo "  ok  $*"; }
[ "$(field .total)" = "$items" ] && [ "$(field .done)" = "$items" ] && [ "$(field .failed)" = 0 ] && [ "$(field .pending)" = 0 ] \
  || sello_fail "expected all $items done: $(field '"done \(.done), failed \(.failed), pending \(.pending)"')"
ok "all $items items DONE, none failed or pending"
bad=$(jq -r '.items[] | select(.status != "DONE" or (.worker != "first" and .worker != "second") or .attempts < 1 or .attempts > 2) | .item' "$work/progress.json")
[ -z "$bad" ] || sello_fail "items with an unexpected status, worker or attempt count: $bad"
ok "every item finished by one instance, after 1 or 2 render attempts"
while read -r item; do
  jq -e --argjson i "$item" '.items[] | select(.item == $i) | .worker == "first" and .attempts == 1' "$work/progress.json" >/dev/null \
    || sello_fail "item $item was done before the kill but was rendered again or finished by the second instance"
done <"$work/done-before.txt"
by_first=$(jq '[.items[] | select(.worker == "first")] | length' "$work/progress.json")
by_second=$(jq '[.items[] | select(.worker == "second")] | length' "$work/progress.json")
twice=$(jq '[.items[] | select(.attempts == 2)] | length' "$work/progress.json")
bad=$(jq -r '.items[] | select(.attempts == 2 and .worker != "second") | .item' "$work/progress.json")
[ -z "$bad" ] || sello_fail "items rendered twice but not finished after the restart: $bad"
ok "the $(wc -l <"$work/done-before.txt") items seen done before the kill were not rendered again"
ok "finished by the first instance: $by_first; by the second: $by_second; cut off mid-render and redone: $twice"

curl -s --max-time 60 -u ana:ana-dev -o "$work/results.zip" -D "$work/results.headers" "$base/api/v1/batches/$batch/results.zip" || sello_fail "no results.zip"
grep -qi '^Sello-Batch-Complete: true' "$work/results.headers" || sello_fail "results.zip is not marked complete (Sello-Batch-Complete)"
unzip -Z1 "$work/results.zip" | sort >"$work/zip-names.txt"
jq -r '.items[].fileName' "$work/progress.json" | sort >"$work/item-files.txt"
[ "$(wc -l <"$work/zip-names.txt")" = "$items" ] || sello_fail "results.zip has $(wc -l <"$work/zip-names.txt") entries, expected $items"
[ -z "$(uniq -d "$work/zip-names.txt")" ] || sello_fail "results.zip repeats entries: $(uniq -d "$work/zip-names.txt" | tr '\n' ' ')"
cmp -s "$work/zip-names.txt" "$work/item-files.txt" || sello_fail "results.zip entries differ from the items' files"
while read -r name; do
  [ "$(unzip -p "$work/results.zip" "$name" | head -c 5)" = "%PDF-" ] || sello_fail "$name in results.zip is not a PDF"
done <"$work/zip-names.txt"
ok "results.zip: $items entries, one per item, each a PDF"

deliveries=$(cat "$work/hooks/deliveries.txt" 2>/dev/null | wc -l)
[ "$deliveries" = 1 ] || sello_fail "the webhook arrived $deliveries times, expected once"
grep -qx '1 valid' "$work/hooks/deliveries.txt" || sello_fail "the webhook's Sello-Signature does not verify"
[ "$(jq -r .done "$work/hooks/delivery-1.json")" = "$items" ] || sello_fail "the webhook says done $(jq -r .done "$work/hooks/delivery-1.json")"
ok "webhook delivered exactly once, signature valid, done $items"

cat <<EOF

PASS kill -9 mid-batch ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $([ -n "$postgres" ] && echo PostgreSQL || echo "H2 file"))
  items                                   $items
  done when killed (last look)            $done_before, after $((killed - submitted)) s
  finished by the killed instance         $by_first
  finished after the restart              $by_second (of which $twice cut off mid-render and redone)
  restart to ready                        $((restarted - killed)) s
  restart to batch finished               $((finished - restarted)) s
EOF
