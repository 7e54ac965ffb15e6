#!/usr/bin/env bash
# Load test (docs/load-and-faults.md): the service under twice the load it can carry answers only 2xx or
# 429, and its heap after GC stays flat.
#   1. starts target/sello.jar on a free loopback port with a scratch data directory (embedded defaults);
#   2. warms up, then measures saturation X: renders/s of a closed loop (LOAD_CONCURRENCY clients,
#      LOAD_SATURATION_SECONDS) rendering examples/poa-execution-form/senavex-2020-julio.json with the API key;
#   3. heap after GC (jcmd GC.run, GC.heap_info);
#   4. offers 2×X renders/s, open loop, for LOAD_SECONDS (at most LOAD_MAX_REQUESTS requests, each bounded by
#      LOAD_TIMEOUT seconds): every answer must be a 2xx or a 429; a timeout or a lost connection fails;
#   5. once the service is idle again, heap after GC: it may not exceed the first figure by more than
#      LOAD_HEAP_TOLERANCE_MB (default 48) or 25 %, whichever is larger;
#   6. prints p50/p99 (2xx and all answers), counts and throughput;
#   7. (issue 14; LOAD_VERIFY=no skips it) verification: saturation of POST /api/v1/verify with the API key
#      (closed loop, LOAD_VERIFY_SATURATION_SECONDS) on a rendered form, then 2x that rate anonymously (open loop,
#      LOAD_VERIFY_SECONDS), which the per-address limit and the render gate must answer with 200, 422 or 429 only,
#      heap after GC flat as in 5; stops the service.
# Bounded: about 4–5 minutes plus the build. Exits non-zero when a check fails (after printing the figures).
set -euo pipefail
. "$(dirname "$0")/lib/service.sh"
sello_need curl java jcmd awk
sello_traps

concurrency=${LOAD_CONCURRENCY:-4}
warmup=${LOAD_WARMUP_SECONDS:-20}
saturation_seconds=${LOAD_SATURATION_SECONDS:-30}
overload_seconds=${LOAD_SECONDS:-45}
max_requests=${LOAD_MAX_REQUESTS:-2000}
timeout=${LOAD_TIMEOUT:-30}
factor=${LOAD_FACTOR:-2}
tolerance_mb=${LOAD_HEAP_TOLERANCE_MB:-48}
verify_phase=${LOAD_VERIFY:-yes}
verify_saturation_seconds=${LOAD_VERIFY_SATURATION_SECONDS:-20}
verify_seconds=${LOAD_VERIFY_SECONDS:-30}
# A fixed heap ceiling, so that growth shows and the figures compare between runs.
export SELLO_JAVA_OPTS=${SELLO_JAVA_OPTS:--Xmx1g}

sello_build_jar
sello_scratch work load-test
port=$(sello_free_port)
url="http://127.0.0.1:$port/api/v1/documents/poa-execution-form"
body="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
driver=(java "$sello_root/scripts/load/LoadDriver.java")
# The development API key (README, "Users and keys"), to the driver through the environment.
export SELLO_LOAD_API_KEY=${SELLO_LOAD_API_KEY:-dev-api-key-not-for-production}
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

sello_log "service on 127.0.0.1:$port ($SELLO_JAVA_OPTS; log: $work/service.log)"
sello_start "$work" "$port" "$work/service.log"
service=$SELLO_PID
sello_wait_ready "$port" "$service" 180 || sello_fail "the service did not become ready (log: $work/service.log)"

result() { sed -n 's/^RESULT //p' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# Heap in use right after a full collection, in MB. G1 (the JVM's choice with 2+ cores) prints
# "garbage-first heap total …K, used …K".
heap_after_gc() {
  jcmd "$service" GC.run >/dev/null && jcmd "$service" GC.run >/dev/null || sello_fail "jcmd GC.run failed"
  jcmd "$service" GC.heap_info | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub(/K.*/, "", $(i + 1)); printf "%.1f", $(i + 1) / 1024; found = 1 } }
    END { if (!found) exit 1 }' || sello_fail "GC.heap_info printed no G1 heap line (another GC? set SELLO_JAVA_OPTS=-XX:+UseG1GC)"
}

# Requests in flight, by the server's own count less the scrape asking (a request whose client gave up
# may still be rendering); -1 when the metric is missing.
active_requests() {
  curl -s --max-time 10 "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^http_server_requests_active_seconds_count/ { n += $2; found = 1 } END { printf "%d", found ? n - 1 : -1 }'
}

sello_log "warm-up ${warmup} s, then saturation: closed loop, $concurrency clients, ${saturation_seconds} s"
"${driver[@]}" closed --url "$url" --body "$body" --concurrency "$concurrency" --seconds "$saturation_seconds" \
  --warmup "$warmup" --timeout "$timeout" | tee "$work/saturation.txt" || sello_fail "the saturation run had failures (see above)"
saturation=$(result "$work/saturation.txt" throughput)
awk -v x="$saturation" 'BEGIN { exit !(x > 0) }' || sello_fail "no render succeeded during the saturation run"
rate=$(awk -v x="$saturation" -v f="$factor" 'BEGIN { printf "%.2f", x * f }')

heap_before=$(heap_after_gc)
sello_log "saturation ${saturation} renders/s; heap after GC ${heap_before} MB; offering ${rate}/s for ${overload_seconds} s"

overload_status=0
"${driver[@]}" open --url "$url" --body "$body" --rate "$rate" --seconds "$overload_seconds" \
  --max-requests "$max_requests" --timeout "$timeout" | tee "$work/overload.txt" || overload_status=$?
[ -s "$work/overload.txt" ] && grep -q '^RESULT ' "$work/overload.txt" || sello_fail "the load driver printed no result"

in_flight=$(active_requests)
[ "$in_flight" -ge 0 ] || sello_fail "no http_server_requests_active_seconds_count in /actuator/prometheus"
idle=""
for second in $(seq 0 120); do
  if [ "$(active_requests)" -eq 0 ]; then idle=$second; break; fi
  sleep 1
done
drained=yes
[ -n "$idle" ] || { idle="never, 120 s"; drained=no; }
kill -0 "$service" 2>/dev/null || sello_fail "the service died under load (log: $work/service.log)"
heap_after=$(heap_after_gc)
heap_limit=$(awk -v b="$heap_before" -v t="$tolerance_mb" 'BEGIN { l = b * 1.25; if (b + t > l) l = b + t; printf "%.1f", l }')
heap_flat=$(awk -v a="$heap_after" -v l="$heap_limit" 'BEGIN { print (a <= l) ? "yes" : "no" }')
oom=$(grep -c 'OutOfMemoryError' "$work/service.log" || true)

o() { result "$work/overload.txt" "$1"; }
line() { printf '  %-46s %s\n' "$1" "$2"; }
echo
echo "Load test ($(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores; load average at start $load_at_start, at end $(cut -d' ' -f1-3 /proc/loadavg); $SELLO_JAVA_OPTS)"
line "saturation (closed loop, $concurrency clients, ${saturation_seconds} s)" \
  "${saturation} renders/s, p50 $(result "$work/saturation.txt" p50_ok_ms) ms, p99 $(result "$work/saturation.txt" p99_ok_ms) ms"
line "offered (open loop, ${factor}x saturation)" "${rate}/s for ${overload_seconds} s: $(o requests) requests"
line "answers" "2xx $(o ok), 429 $(o status429) ($(o retry_after) with Retry-After), other or none $(o failures)"
line "achieved" "$(o throughput) renders/s (2xx)"
line "latency of 2xx" "p50 $(o p50_ok_ms) ms, p99 $(o p99_ok_ms) ms"
line "latency of 429" "p50 $(o p50_429_ms) ms, p99 $(o p99_429_ms) ms"
line "latency of all answers" "p50 $(o p50_all_ms) ms, p99 $(o p99_all_ms) ms, max $(o max_all_ms) ms"
line "in flight on the server after the driver" "$in_flight (idle after ${idle} s)"
line "heap after GC" "before ${heap_before} MB, after ${heap_after} MB (limit ${heap_limit} MB): flat ${heap_flat}"
line "OutOfMemoryError in the log" "$oom"

verify_status=0
if [ "$verify_phase" = yes ]; then
  verify_url="http://127.0.0.1:$port/api/v1/verify"
  curl -s --fail --max-time 60 -H "X-Api-Key: $SELLO_LOAD_API_KEY" -H 'Content-Type: application/json' \
    --data-binary "@$body" -o "$work/verify.pdf" "$url" || sello_fail "could not render the PDF to verify"
  sello_log "verification saturation: closed loop with the API key, $concurrency clients, ${verify_saturation_seconds} s"
  "${driver[@]}" closed --url "$verify_url" --body "$work/verify.pdf" --content-type application/pdf --answers json \
    --concurrency "$concurrency" --seconds "$verify_saturation_seconds" --warmup 5 --timeout "$timeout" --accept 422 \
    | tee "$work/verify-saturation.txt" || sello_fail "the verification saturation run had failures (see above)"
  verify_saturation=$(result "$work/verify-saturation.txt" throughput)
  verify_rate=$(awk -v x="$verify_saturation" -v f="$factor" 'BEGIN { r = x * f; if (r > 1000) r = 1000; printf "%.2f", r }')
  verify_heap_before=$(heap_after_gc)
  sello_log "verification saturation ${verify_saturation}/s; heap ${verify_heap_before} MB; offering ${verify_rate}/s anonymously for ${verify_seconds} s"
  "${driver[@]}" open --url "$verify_url" --body "$work/verify.pdf" --content-type application/pdf --answers json --anonymous true \
    --rate "$verify_rate" --seconds "$verify_seconds" --max-requests 20000 --timeout "$timeout" --accept 422 \
    | tee "$work/verify-overload.txt" || verify_status=$?
  for second in $(seq 0 120); do [ "$(active_requests)" -eq 0 ] && break; sleep 1; done
  kill -0 "$service" 2>/dev/null || sello_fail "the service died under verification load (log: $work/service.log)"
  verify_heap_after=$(heap_after_gc)
  verify_heap_limit=$(awk -v b="$verify_heap_before" -v t="$tolerance_mb" 'BEGIN { l = b * 1.25; if (b + t > l) l = b + t; printf "%.1f", l }')
  verify_heap_flat=$(awk -v a="$verify_heap_after" -v l="$verify_heap_limit" 'BEGIN { print (a <= l) ? "yes" : "no" }')
  v() { result "$work/verify-overload.txt" "$1"; }
  line "verification saturation (API key, closed loop)" "${verify_saturation}/s, p50 $(result "$work/verify-saturation.txt" p50_ok_ms) ms"
  line "anonymous verification (${factor}x, open loop)" "${verify_rate}/s for ${verify_seconds} s: $(v requests) requests"
  line "answers" "200 $(v ok), 422 $(v refused), 429 $(v status429) ($(v retry_after) with Retry-After), other or none $(v failures)"
  line "latency of all answers" "p50 $(v p50_all_ms) ms, p99 $(v p99_all_ms) ms, max $(v max_all_ms) ms"
  line "heap after GC" "before ${verify_heap_before} MB, after ${verify_heap_after} MB (limit ${verify_heap_limit} MB): flat ${verify_heap_flat}"
  oom=$(grep -c 'OutOfMemoryError' "$work/service.log" || true)
fi

verdict=0
[ "$verify_status" -eq 0 ] || { echo "FAIL: an anonymous verification was answered other than 200, 422 or 429 (or not at all)" >&2; verdict=1; }
[ "$verify_phase" != yes ] || [ "$verify_heap_flat" = yes ] || { echo "FAIL: heap after GC grew under verification load" >&2; verdict=1; }
[ "$overload_status" -eq 0 ] || { echo "FAIL: some answers were neither 2xx nor 429 (or never came): see 'by status' above" >&2; verdict=1; }
[ "$heap_flat" = yes ] || { echo "FAIL: heap after GC grew from ${heap_before} MB to ${heap_after} MB (limit ${heap_limit} MB)" >&2; verdict=1; }
[ "$oom" = 0 ] || { echo "FAIL: OutOfMemoryError in the service log" >&2; verdict=1; }
[ "$drained" = yes ] || { echo "FAIL: requests still in flight on the server 120 s after the load" >&2; verdict=1; }
[ "$verdict" -eq 0 ] && echo "PASS"
exit "$verdict"
