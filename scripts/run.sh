#!/usr/bin/env bash
# Builds the jar if needed and starts the service on http://localhost:8080 with embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/sello.jar ] || [ -n "$(find pom.xml src report-templates fonts examples -newer target/sello.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
exec java -Djava.awt.headless=true -jar target/sello.jar "$@"
