#!/usr/bin/env bash
# Builds the jar if needed and starts the service on http://localhost:8080 with embedded defaults.
# Start-up (issue 19, point 2): after a build it makes the class data sharing archive (scripts/cds-archive.sh,
# about a minute, once per build) and starts from it; without one (SELLO_CDS=no, or the archive step failed) it
# starts from target/sello.jar as before.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/cds.sh
# The jar carries a fixed reproducible-build date, so "newer than the jar" would always be true: the comparison is
# against a stamp touched after each build (as scripts/lib/service.sh does).
stamp=target/.sello-jar-built
if [ ! -f target/sello.jar ] || [ ! -f "$stamp" ] || [ -n "$(find pom.xml src report-templates fonts examples -newer "$stamp" -print -quit)" ]; then
  mvn -B -q -DskipTests package
  touch "$stamp"
fi
if [ "${SELLO_CDS:-yes}" != no ] && ! sello_cds_usable; then
  scripts/cds-archive.sh || echo "run.sh: no CDS archive, starting without it" >&2
fi
if [ "${SELLO_CDS:-yes}" != no ] && sello_cds_usable; then
  exec "$sello_java" -Djava.awt.headless=true "${sello_cds_options[@]}" -jar "$sello_cds_jar" "$@"
fi
exec "$sello_java" -Djava.awt.headless=true -jar target/sello.jar "$@"
