#!/usr/bin/env bash
# Two render threads against one, in alternating windows inside one warm JVM, with the steal time the
# virtual machine's host took in each window (io.sello.bench.ScalingDriver; docs/benchmarks.md, issue #7).
#   scripts/bench-scaling.sh                         Formulario N.5.B: 120 s warm-up, 10 pairs of 8 s windows (about 5 min)
#   SKIP_BUILD=1 DOC=plan PAIRS=6 scripts/bench-scaling.sh   the Plan Operativo annex (Flying Saucer) instead
#   MAX_STEAL=0.05 scripts/bench-scaling.sh          judge only windows where the host took at most 5 %
# Exit status: 0 target met, 1 missed, 3 too few clean windows to tell.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
# the java that runs the service (scripts/lib/cds.sh)
. scripts/lib/cds.sh
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); Java $sello_java_version ($sello_java)"
exec "$sello_java" -Djava.awt.headless=true -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.sello.bench.ScalingDriver
