# Shared by scripts/load-test.sh and scripts/fault-*.sh: sourced, never run on its own.
# Starts the service from target/sello.jar on a loopback port in a scratch directory of its own, waits for
# it, and stops it. Every process and directory it creates is registered for the caller's EXIT trap
# (sello_cleanup), so an interrupted script leaves nothing behind.

sello_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sello_jar="$sello_root/target/sello.jar"
# the java that runs the service: $sello_java (a JDK 25 when the machine has one)
# shellcheck source=cds.sh
. "$sello_root/scripts/lib/cds.sh"
sello_pids=()      # processes this script started, stopped by sello_cleanup
sello_dirs=()      # scratch directories, removed by sello_cleanup
sello_cleanups=()  # further commands run by sello_cleanup (e.g. stop a PostgreSQL server)

sello_fail() {
  echo "FAIL: $*" >&2
  exit 1
}

sello_log() {
  printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"
}

sello_need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || sello_fail "this script needs '$tool' (Debian: apt-get install $tool)"
  done
}

# Builds target/sello.jar when it is missing or older than the sources. The jar carries a fixed
# reproducible-build timestamp, so the comparison is against a stamp touched after each build here.
sello_build_jar() {
  local stamp="$sello_root/target/.sello-jar-built"
  if [ ! -f "$sello_jar" ] || [ ! -f "$stamp" ] \
     || [ -n "$(cd "$sello_root" && find pom.xml src report-templates fonts examples -newer "$stamp" -print -quit)" ]; then
    sello_log "building target/sello.jar"
    local tmp
    sello_scratch tmp build
    # A private temporary directory for the build's JVMs: the JRXML precompiler writes its generated
    # sources under a fixed name in java.io.tmpdir, and builds in other worktrees would race on it.
    if ! (cd "$sello_root" && JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$tmp" mvn -B -q -DskipTests package >"$tmp/build.log" 2>&1); then
      grep -v '^Picked up JAVA_TOOL_OPTIONS' "$tmp/build.log" | tail -20 >&2
      sello_fail "the build failed (run: mvn -B -DskipTests package)"
    fi
    touch "$stamp"
  fi
}

# sello_http <out-prefix> <curl arguments…>: one request, bounded by --max-time 30 unless given. Writes
# <prefix>.body and <prefix>.headers and prints "<status> <seconds>" (status 000: no answer).
sello_http() {
  local prefix=$1
  shift
  curl -s --max-time 30 -o "$prefix.body" -D "$prefix.headers" -w '%{http_code} %{time_total}' "$@" || true
}

# sello_scratch <variable> <name>: a new scratch directory in <variable>, removed on exit. Not used in
# $(…): the registration would be lost in the subshell.
sello_scratch() {
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/sello-ops-$2.XXXXXX") || sello_fail "mktemp failed"
  sello_dirs+=("$dir")
  printf -v "$1" '%s' "$dir"
}

# A loopback port nobody listens on now (probed, not reserved: good enough for a script on one machine).
sello_free_port() {
  local port tries
  for tries in $(seq 1 50); do
    port=$(shuf -i 20000-60999 -n 1)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  sello_fail "no free loopback port found"
}

# sello_start <workdir> <port> <log> [service arguments…]: starts the service in the background with its
# working directory at <workdir>, so ./data (H2 registry, development keystore) lands there and nowhere
# else. Sets SELLO_PID. JVM options come from SELLO_JAVA_OPTS.
sello_start() {
  local dir=$1 port=$2 log=$3
  shift 3
  # shellcheck disable=SC2086 # SELLO_JAVA_OPTS is a list of options
  (cd "$dir" && exec "$sello_java" -Djava.awt.headless=true ${SELLO_JAVA_OPTS:-} -jar "$sello_jar" \
      --server.address=127.0.0.1 --server.port="$port" "$@" >"$log" 2>&1) &
  SELLO_PID=$!
  sello_pids+=("$SELLO_PID")
}

# sello_wait_ready <port> <pid> <seconds>: until /actuator/health/readiness answers 200.
sello_wait_ready() {
  local port=$1 pid=$2 seconds=$3 i
  for i in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || return 1
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# sello_stop <pid>: SIGTERM (graceful), SIGKILL after 30 s.
sello_stop() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# The EXIT trap: stops what was started; removes the scratch directories unless the script failed (their
# logs are then kept for a look) or SELLO_KEEP is set.
sello_cleanup() {
  local status=$? pid dir command
  for pid in "${sello_pids[@]}"; do
    sello_stop "$pid"
  done
  for command in "${sello_cleanups[@]}"; do
    eval "$command" >/dev/null 2>&1 || true
  done
  if [ "$status" -ne 0 ] || [ -n "${SELLO_KEEP:-}" ]; then
    [ ${#sello_dirs[@]} -eq 0 ] || echo "kept for a look (remove when done): ${sello_dirs[*]}" >&2
  else
    for dir in "${sello_dirs[@]}"; do
      rm -rf "$dir"
    done
  fi
}

# Installs the traps: cleanup on every exit, and Ctrl-C or SIGTERM turned into an exit so it runs.
sello_traps() {
  trap sello_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# A private PostgreSQL server, as scripts/postgres-for-tests.sh starts one, on its own data directory and
# port: sello_postgres_init <port> sets SELLO_POSTGRES_URL; sello_postgres_up / sello_postgres_down start
# and stop it (down is `-m immediate`: the server vanishes as in a crash, without saying goodbye).
sello_postgres_init() {
  sello_pg_port=$1
  sello_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$sello_pg_bin" ] && [ -x "$sello_pg_bin/postgres" ] || sello_fail "no PostgreSQL server in /usr/lib/postgresql (Debian: apt-get install postgresql)"
  sello_scratch sello_pg_data postgres
  sello_pg_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
    chown postgres "$sello_pg_data"
    sello_pg_owner=(runuser -u postgres --)
  fi
  "${sello_pg_owner[@]}" "$sello_pg_bin/initdb" -D "$sello_pg_data" -A trust -U sello --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
    || sello_fail "initdb failed"
  sello_cleanups+=("sello_postgres_down")
  sello_postgres_up
  "$sello_pg_bin/createdb" -h 127.0.0.1 -p "$sello_pg_port" -U sello sello || sello_fail "createdb failed"
  SELLO_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$sello_pg_port/sello?user=sello"
}

sello_postgres_up() {
  "${sello_pg_owner[@]}" "$sello_pg_bin/pg_ctl" -D "$sello_pg_data" -l "$sello_pg_data/server.log" -w \
    -o "-p $sello_pg_port -k $sello_pg_data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || sello_fail "PostgreSQL did not start (log: $sello_pg_data/server.log)"
}

sello_postgres_down() {
  "${sello_pg_owner[@]}" "$sello_pg_bin/pg_ctl" -D "$sello_pg_data" -m immediate stop >/dev/null 2>&1 || true
}
