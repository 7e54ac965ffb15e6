#!/usr/bin/env bash
# Makes the class data sharing (AppCDS) archive of the service from target/sello.jar (issue 19, point 2), as
# Spring Boot documents it (Efficient deployments / Class Data Sharing):
#   1. `java -Djarmode=tools -jar target/sello.jar extract` into target/cds/ (sello.jar + lib/): the JVM archives
#      classes only from plain jars on the class path, never from the jars nested in a Spring Boot jar;
#   2. one training run with -XX:ArchiveClassesAtExit=target/cds/sello.jsa: the service starts on a free loopback
#      port in a scratch directory with its warm-up (one render of each document type), answers one render over
#      HTTP, and stops (SIGTERM); at its exit the JVM writes every class it loaded (Spring, Tomcat, the engines,
#      fonts code) into the archive. Spring Boot's `-Dspring.context.exit=onRefresh` would stop before the
#      warm-up and leave the engines out.
# scripts/run.sh, scripts/sello (the CLI) and scripts/first-request.sh use the archive when it was made from the
# current target/sello.jar (scripts/lib/cds.sh) and run without it otherwise. scripts/run.sh and scripts/test.sh
# (CI) call this script after building the jar. About 30-60 s on the reference machine.
#   scripts/cds-archive.sh           make the archive (target/sello.jar must exist)
#   scripts/cds-archive.sh --check   then check that the CLI runs with the archive mapped (-Xshare:on) and without it
set -euo pipefail
. "$(dirname "$0")/lib/service.sh"
. "$(dirname "$0")/lib/cds.sh"
sello_need curl java
sello_traps

[ -f "$sello_jar" ] || sello_fail "no target/sello.jar: build it first (mvn -B -DskipTests package)"
rm -rf "$sello_cds_dir"
java -Djarmode=tools -jar "$sello_jar" extract --destination "$sello_cds_dir" >/dev/null \
  || sello_fail "extracting target/sello.jar failed"
[ -f "$sello_cds_jar" ] || sello_fail "the extracted jar is not at $sello_cds_jar"

sello_scratch work cds-training
# A free port can be taken by another process between choosing it and binding it (seen on CI once, 2026-11-28):
# then the run is retried on a new port, at most three times; any other failure stops at once.
for attempt in 1 2 3; do
  port=$(sello_free_port)
  sello_log "training run for the CDS archive, port $port (log: $work/training.log)"
  (cd "$work" && exec java -Djava.awt.headless=true -XX:ArchiveClassesAtExit="$sello_cds_archive" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -jar "$sello_cds_jar" --server.address=127.0.0.1 --server.port="$port" \
      --sello.warm-up.renders=1 >"$work/training.log" 2>&1) &
  training=$!
  sello_pids+=("$training")
  sello_wait_ready "$port" "$training" 600 && break
  wait "$training" 2>/dev/null || true
  if [ "$attempt" -lt 3 ] && grep -q "Port $port was already in use" "$work/training.log"; then
    sello_log "port $port was taken meanwhile; trying another"
    continue
  fi
  tail -20 "$work/training.log" >&2; sello_fail "the training run did not become ready"
done
answer=$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' -H 'X-Api-Key: dev-api-key-not-for-production' \
    -H 'Content-Type: application/json' --data-binary @"$sello_root/examples/poa-execution-form/senavex-2020-julio.json" \
    "http://127.0.0.1:$port/api/v1/documents/poa-execution-form")
[ "$answer" = 200 ] || sello_fail "the training render answered $answer"
sello_stop "$training"
[ -s "$sello_cds_archive" ] || { tail -20 "$work/training.log" >&2; sello_fail "the training run wrote no archive"; }
sello_cds_source_id >"$sello_cds_stamp"
sello_log "CDS archive: $sello_cds_archive ($(du -h "$sello_cds_archive" | cut -f1))"

if [ "${1:-}" = --check ]; then
  example="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
  # -Xshare:on refuses to start unless the archive maps: this proves the CLI can use it, not only that it runs.
  java -Xshare:on -XX:SharedArchiveFile="$sello_cds_archive" -jar "$sello_cds_jar" validate poa-execution-form "$example" >/dev/null \
    || sello_fail "the CLI does not run with the CDS archive mapped"
  "$sello_root/scripts/sello" validate poa-execution-form "$example" >/dev/null || sello_fail "scripts/sello with the archive failed"
  SELLO_CDS=no "$sello_root/scripts/sello" validate poa-execution-form "$example" >/dev/null || sello_fail "scripts/sello without the archive failed"
  java -jar "$sello_jar" validate poa-execution-form "$example" >/dev/null || sello_fail "java -jar target/sello.jar failed"
  sello_log "the CLI runs with the CDS archive mapped and without it"
fi
