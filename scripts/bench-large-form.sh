#!/usr/bin/env bash
# The large-document target of issue #7 (docs/benchmarks.md): a Formulario N.5.B of about 1,000 pages
# must render through the command line within a 128 MB heap. Builds the jar, generates the input (seed
# 000's activities repeated, never committed), renders it with -Xmx128m and reports time, pages, peak
# RSS and heap. Exits non-zero, loudly, when the target is not met.
#   scripts/bench-large-form.sh                      build, then 308 copies (12,936 activities, 1,002 pages)
#   SKIP_BUILD=1 COPIES=100 HEAP=96m scripts/bench-large-form.sh
#   SKIP_BUILD=1 JAR=/elsewhere/sello.jar scripts/bench-large-form.sh   another build (a "before" figure)
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${COPIES:-308}
heap=${HEAP:-128m}
min_pages=${MIN_PAGES:-1000}
jar=${JAR:-target/sello.jar}
work=$(mktemp -d "${TMPDIR:-/tmp}/sello-large-form.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.sello.support.LargeFormInput "$copies" "$work/large-form.json"

# A private temporary directory: the swap files must go there, and be gone when the render ends.
mkdir "$work/tmp"
cmd=(java "-Xmx$heap" -Djava.awt.headless=true "-Djava.io.tmpdir=$work/tmp" "-Xlog:gc:file=$work/gc.log"
     -jar "$jar" render poa-execution-form "$work/large-form.json" -o "$work/large-form.pdf")
echo "load before: $(uptime | sed 's/.*load average/load average/')"
status=0
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v -o "$work/time.txt" "${cmd[@]}" >"$work/cli.txt" 2>&1 || status=$?
else
  "${cmd[@]}" >"$work/cli.txt" 2>&1 || status=$?
fi
end=$(date +%s.%N)

pages=0
[ -s "$work/large-form.pdf" ] && pages=$(pdfinfo "$work/large-form.pdf" | awk '/^Pages:/ {print $2}')
rss=$( [ -f "$work/time.txt" ] && awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$work/time.txt" || echo "n/a")
# The largest heap occupancy G1 reported after a collection, i.e. what the render really kept alive.
live=$(grep -o -- '->[0-9]*M' "$work/gc.log" | tr -d -- '->M' | sort -n | tail -1)
leftover=$(find "$work/tmp" -mindepth 1 | wc -l)

printf '%s: activities %s, heap -Xmx%s\n' "$jar" "$((copies * 42))" "$heap"
printf 'exit %s, %.1f s, %s pages, %s bytes, peak RSS %s, heap after GC at most %s MB, %s file(s) left in tmpdir\n' \
  "$status" "$(echo "$end - $start" | bc)" "$pages" "$(stat -c %s "$work/large-form.pdf" 2>/dev/null || echo 0)" "$rss" "${live:-?}" "$leftover"

if [ "$status" -ne 0 ] || [ "$pages" -lt "$min_pages" ] || [ "$leftover" -ne 0 ]; then
  grep -v '^warning' "$work/cli.txt" | tail -20 >&2
  echo "FAILED: a ${min_pages}-page Formulario N.5.B must render in -Xmx$heap and leave no swap file behind" >&2
  exit 1
fi
echo "OK: target met"
