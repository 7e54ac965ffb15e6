#!/usr/bin/env bash
# Runs the JMH benchmarks (docs/benchmarks.md). Arguments go to JMH, e.g.
#   scripts/bench.sh                      all benchmarks, with the settings annotated on each class
#   scripts/bench.sh FormRender -wi 2 -i 3   a subset, shorter
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main "${@:-io.sello.bench.}"
