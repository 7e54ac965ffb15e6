#!/usr/bin/env bash
# Runs the JMH benchmarks (docs/benchmarks.md). Pass a JMH regex to run a subset.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -Pbench -DskipTests -Djmh.args="${1:-io.sello.bench.*}" verify
