#!/usr/bin/env bash
# Makes the start-up archive of the service from target/sello.jar (issue 19, point 2), as Spring Boot documents it
# (Efficient deployments / Class Data Sharing, AOT cache): on JDK 25 or later the AOT cache target/cds/sello.aot,
# else the class data sharing (AppCDS) archive target/cds/sello.jsa (scripts/lib/cds.sh picks the java and the kind):
#   1. `java -Djarmode=tools -jar target/sello.jar extract` into target/cds/ (sello.jar + lib/): the JVM archives
#      classes only from plain jars on the class path, never from the jars nested in a Spring Boot jar;
#   2. one training run (-XX:AOTCacheOutput, or -XX:ArchiveClassesAtExit): the service starts on a free loopback
#      port in a scratch directory with its warm-up (8 renders of each document type), answers 5 renders over
#      HTTP, and stops (SIGTERM); at its exit the JVM writes every class it loaded (Spring, Tomcat, the engines,
#      fonts code) into the archive, and into an AOT cache the methods' profiles too. Spring Boot's
#      `-Dspring.context.exit=onRefresh` would stop before the warm-up and leave the engines out.
# scripts/run.sh, scripts/sello (the CLI) and scripts/first-request.sh use the archive when it was made from the
# current target/sello.jar (scripts/lib/cds.sh) and run without it otherwise. scripts/run.sh and scripts/test.sh
# (CI) call this script after building the jar. About 30-60 s on the reference machine.
#   scripts/cds-archive.sh           make the archive (target/sello.jar must exist)
#   scripts/cds-archive.sh --check   then check that the CLI runs with the archive mapped (-XX:AOTMode=on or
#                                    -Xshare:on: the JVM refuses to start otherwise) and without it
set -euo pipefail
# service.sh brings scripts/lib/cds.sh (the java and its archive)
. "$(dirname "$0")/lib/service.sh"
sello_need curl "$sello_java"
sello_traps

[ -f "$sello_jar" ] || sello_fail "no target/sello.jar: build it first (mvn -B -DskipTests package)"
# The extracted jar is shared by the two kinds of archive (one per java), and each archive checks its jars' times:
# it is extracted again only when target/sello.jar changed, so that making one kind keeps the other usable.
if [ ! -f "$sello_cds_jar" ] || [ "$(cat "$sello_cds_dir/extracted-from" 2>/dev/null)" != "$(sello_cds_jar_id)" ]; then
  rm -rf "$sello_cds_dir"
  "$sello_java" -Djarmode=tools -jar "$sello_jar" extract --destination "$sello_cds_dir" >/dev/null \
    || sello_fail "extracting target/sello.jar failed"
  [ -f "$sello_cds_jar" ] || sello_fail "the extracted jar is not at $sello_cds_jar"
  sello_cds_jar_id >"$sello_cds_dir/extracted-from"
fi
rm -f "$sello_cds_archive" "$sello_cds_stamp"

sello_scratch work cds-training
# A free port can be taken by another process between choosing it and binding it (seen on CI once, 2026-11-28):
# then the run is retried on a new port, at most three times; any other failure stops at once.
for attempt in 1 2 3; do
  port=$(sello_free_port)
  sello_log "training run for the $sello_cds_kind ($sello_java, Java $sello_java_version), port $port (log: $work/training.log)"
  (cd "$work" && exec "$sello_java" -Djava.awt.headless=true "${sello_cds_training_options[@]}" \
      -jar "$sello_cds_jar" --server.address=127.0.0.1 --server.port="$port" --sello.warm-up.renders=8 >"$work/training.log" 2>&1) &
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
# As many renders as the warm-up gives each type: an AOT cache keeps the methods' profiles, and profiles of a
# settled run (8 renders, then these) gave a warm median of 87-90 ms against 150-180 ms for profiles of one render
# (docs/benchmarks.md, issue 19). A CDS archive only needs the classes; the extra renders cost it about 10 s.
for _ in 1 2 3 4 5; do
  answer=$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' -H 'X-Api-Key: dev-api-key-not-for-production' \
      -H 'Content-Type: application/json' --data-binary @"$sello_root/examples/poa-execution-form/senavex-2020-julio.json" \
      "http://127.0.0.1:$port/api/v1/documents/poa-execution-form")
  [ "$answer" = 200 ] || sello_fail "the training render answered $answer"
done
sello_stop "$training"
[ -s "$sello_cds_archive" ] || { tail -20 "$work/training.log" >&2; sello_fail "the training run wrote no archive"; }
sello_cds_source_id >"$sello_cds_stamp"
sello_log "$sello_cds_kind: $sello_cds_archive ($(du -h "$sello_cds_archive" | cut -f1))"

if [ "${1:-}" = --check ]; then
  example="$sello_root/examples/poa-execution-form/senavex-2020-julio.json"
  # The strict options refuse to start unless the archive maps: this proves the CLI can use it, not only that it runs.
  "$sello_java" "${sello_cds_strict_options[@]}" -jar "$sello_cds_jar" validate poa-execution-form "$example" >/dev/null \
    || sello_fail "the CLI does not run with the $sello_cds_kind mapped"
  "$sello_root/scripts/sello" validate poa-execution-form "$example" >/dev/null || sello_fail "scripts/sello with the archive failed"
  SELLO_CDS=no "$sello_root/scripts/sello" validate poa-execution-form "$example" >/dev/null || sello_fail "scripts/sello without the archive failed"
  "$sello_java" -jar "$sello_jar" validate poa-execution-form "$example" >/dev/null || sello_fail "java -jar target/sello.jar failed"
  sello_log "the CLI runs with the $sello_cds_kind mapped and without it"
fi
