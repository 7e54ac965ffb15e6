#!/usr/bin/env bash
# Runs the JMH benchmarks (docs/benchmarks.md). Arguments go to JMH, e.g.
#   scripts/bench.sh                      all benchmarks, with the settings annotated on each class
#   scripts/bench.sh FormRender -wi 2 -i 3   a subset, shorter
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# on the java that runs the service (scripts/lib/cds.sh: a JDK 25 when the machine has one, else `java`)
. scripts/lib/cds.sh
echo "JMH on Java $sello_java_version ($sello_java)" >&2
exec "$sello_java" -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main "${@:-io.sello.bench.}"
