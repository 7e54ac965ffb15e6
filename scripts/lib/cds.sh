# Shared by scripts/run.sh, scripts/sello, scripts/test.sh, scripts/bench.sh, scripts/bench-scaling.sh and, through
# scripts/lib/service.sh, every script that starts the service: sourced, never run on its own. Which java runs the
# service, and its start-up archive.
#
# The java (issue 19, point 2): $SELLO_JAVA when set; else the first JDK 25 or later, `java` on the PATH first, then
# the newest under /usr/lib/jvm (this machine kind has Temurin 25 beside Debian's OpenJDK 17); else `java`. The jar
# is built for Java 17 and runs on either; scripts/test.sh runs the suite on the same java.
#
# The archive is made by scripts/cds-archive.sh from target/sello.jar: the jar is extracted to target/cds/
# (sello.jar + lib/, Spring Boot's `-Djarmode=tools extract`: classes in nested jars cannot be archived), then one
# training run writes it:
#   - on JDK 25 or later, the AOT cache target/cds/sello.aot (JEP 483, 514, 515: classes loaded and linked, and
#     the training run's method profiles, so that the JIT compiles the hot code sooner);
#   - on JDK 17 to 24, the AppCDS archive target/cds/sello.jsa (classes parsed, not linked, no profiles).
# A JVM given an archive that does not match its class path or its own build prints a warning and runs without it,
# so a stale archive costs speed, never correctness; the stamp below keeps it from being used at all once
# target/sello.jar is rebuilt or the java changes.

sello_cds_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sello_cds_dir="$sello_cds_root/target/cds"
sello_cds_jar="$sello_cds_dir/sello.jar"

# The JDK directory of a java executable (a name on the PATH or a path): its bin/java's parent, links resolved.
sello_java_home() {
  dirname "$(dirname "$(readlink -f "$(command -v "$1")")")"
}

# The feature version of a java executable (17, 25): from its JDK's release file, else by asking it.
sello_java_feature() {
  local release version
  release="$(sello_java_home "$1")/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "${version:-0}"
}

sello_pick_java() {
  if [ -n "${SELLO_JAVA:-}" ]; then
    echo "$SELLO_JAVA"
    return
  fi
  local candidate
  for candidate in "$(command -v java || true)" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(sello_java_feature "$candidate")" -ge 25 ]; then
      echo "$candidate"
      return
    fi
  done
  echo java
}

sello_java=$(sello_pick_java)
sello_java_version=$(sello_java_feature "$sello_java")
if [ "$sello_java_version" -ge 25 ]; then
  sello_cds_kind="AOT cache"
  sello_cds_archive="$sello_cds_dir/sello.aot"
  # -XX:AOTCacheOutput: one training run records and writes the cache at the JVM's exit (JEP 514).
  sello_cds_training_options=(-XX:AOTCacheOutput="$sello_cds_archive" -Xlog:aot=off -Xlog:cds=off)
  sello_cds_options=(-XX:AOTCache="$sello_cds_archive" -Xlog:aot=off -Xlog:cds=off)
  # refuses to start unless the cache maps
  sello_cds_strict_options=(-XX:AOTMode=on "${sello_cds_options[@]}")
else
  sello_cds_kind="CDS archive"
  sello_cds_archive="$sello_cds_dir/sello.jsa"
  sello_cds_training_options=(-XX:ArchiveClassesAtExit="$sello_cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  # the cds log tags are off so that nothing is added to the CLI's output
  sello_cds_options=(-XX:SharedArchiveFile="$sello_cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  sello_cds_strict_options=(-Xshare:on "${sello_cds_options[@]}")
fi
# Written by scripts/cds-archive.sh beside each archive: the checksum of the target/sello.jar it was made from and
# the java that made it. Not the jar's time: the build stamps every jar with the same reproducible-build date.
sello_cds_stamp="$sello_cds_archive.source"

sello_cds_jar_id() {
  md5sum <"$sello_cds_root/target/sello.jar" 2>/dev/null | cut -d' ' -f1
}

sello_cds_source_id() {
  echo "$(sello_cds_jar_id) $(readlink -f "$(command -v "$sello_java")")"
}

# True when target/cds holds an archive made from the current target/sello.jar by the current java.
sello_cds_usable() {
  [ -f "$sello_cds_archive" ] && [ -f "$sello_cds_jar" ] && [ -f "$sello_cds_stamp" ] \
    && [ "$(cat "$sello_cds_stamp")" = "$(sello_cds_source_id)" ]
}

# sello_cds_pick <yes|no>: the jar and java options to start the service with, as scripts/run.sh starts it: the
# extracted jar with its archive when <yes> and the archive is usable, else target/sello.jar alone. Sets
# sello_pick_jar, sello_pick_options (an array) and sello_pick_cds (yes or no).
sello_cds_pick() {
  if [ "$1" = yes ] && sello_cds_usable; then
    sello_pick_jar=$sello_cds_jar
    sello_pick_options=("${sello_cds_options[@]}")
    sello_pick_cds=yes
  else
    sello_pick_jar="$sello_cds_root/target/sello.jar"
    sello_pick_options=()
    sello_pick_cds=no
  fi
}
