# Shared by scripts/run.sh, scripts/sello, scripts/cds-archive.sh and scripts/first-request.sh: sourced, never
# run on its own. Where the class data sharing (AppCDS) archive of the service lives, and whether it can be used.
#
# The archive is made by scripts/cds-archive.sh from target/sello.jar: the jar is extracted to target/cds/
# (sello.jar + lib/, Spring Boot's `-Djarmode=tools extract`: classes in nested jars cannot be archived), then one
# training run writes target/cds/sello.jsa. A JVM given an archive that does not match its class path prints a
# warning and runs without it (-Xshare:auto, the default), so a stale archive costs speed, never correctness; the
# stamp below keeps it from being used at all once target/sello.jar is rebuilt.

sello_cds_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sello_cds_dir="$sello_cds_root/target/cds"
sello_cds_jar="$sello_cds_dir/sello.jar"
sello_cds_archive="$sello_cds_dir/sello.jsa"
# Written by scripts/cds-archive.sh: the checksum of the target/sello.jar it was made from. Not its time: the
# build stamps every jar with the same reproducible-build date.
sello_cds_stamp="$sello_cds_dir/source-jar"

sello_cds_source_id() {
  md5sum <"$sello_cds_root/target/sello.jar" 2>/dev/null | cut -d' ' -f1
}

# True when target/cds holds an archive made from the current target/sello.jar.
sello_cds_usable() {
  [ -f "$sello_cds_archive" ] && [ -f "$sello_cds_jar" ] && [ -f "$sello_cds_stamp" ] \
    && [ "$(cat "$sello_cds_stamp")" = "$(sello_cds_source_id)" ]
}

# The java options that use the archive: a JVM that cannot map it (another JDK, a moved directory) runs without it,
# and the cds log tags are off so that nothing is added to the CLI's output.
sello_cds_options=(-XX:SharedArchiveFile="$sello_cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)

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
