#!/usr/bin/env bash
# Project-local PostgreSQL for IssueTracker (no Docker).
#
#   scripts/pg.sh [start] [DB]   start or reuse the cluster, create DB, print its connection string
#   scripts/pg.sh stop | status
#   source scripts/pg.sh && pg_ensure [DB]   exports ConnectionStrings__Marten
#
# DB defaults to $PG_DB, then "issuetracker". A ConnectionStrings__Marten already set wins and is
# only echoed. Diagnostics go to stderr, so `cs=$(scripts/pg.sh)` works. PG_STATE_DIR (default
# .local/pg, relative to the checkout) selects another cluster, e.g. the fault tests' own; PG_PORT is
# the port to start it on when free (else the recorded one, else the first free in 54329-54428).

_pg_self=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)/$(basename -- "${BASH_SOURCE[0]}")

# Runs this script as a child so that its errexit, traps and lock never leak into the caller.
pg_ensure() {
  local cs
  if [[ -z ${ConnectionStrings__Marten:-} ]]; then
    cs=$(bash "$_pg_self" start "$@") || return
    ConnectionStrings__Marten=$cs
  fi
  export ConnectionStrings__Marten
}

# Sourced: only define pg_ensure.
[[ ${BASH_SOURCE[0]} == "$0" ]] || return 0

set -euo pipefail

repo=$(cd -- "$(dirname -- "$_pg_self")/.." && pwd)
state=${PG_STATE_DIR:-.local/pg}
[[ $state == /* ]] || state=$repo/$state
hash=$(printf '%s' "$repo${PG_STATE_DIR:+:$state}" | sha256sum | cut -c1-12)
fallback=/var/tmp/issuetracker-pg-$hash

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
is_root() { [[ $EUID -eq 0 ]]; }

# The server refuses to run as root, so as root everything runs as the postgres user
# (from /, since our working directory may be unreadable to it).
as_pg() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

as_root() {
  if is_root; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root or sudo for: $*"
  fi
}

find_bin() {
  local ctl
  ctl=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
  [[ -x $ctl ]] && dirname -- "$ctl"
}

if ! bin=$(find_bin); then
  [[ ${1:-start} == stop || ${1:-start} == status ]] && die "PostgreSQL is not installed"
  log "PostgreSQL not found; installing the Debian package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  bin=$(find_bin) || die "no PostgreSQL in /usr/lib/postgresql/*/bin after installing"
fi

base=$state
if is_root; then
  id postgres >/dev/null 2>&1 || die "user postgres is missing (install the postgresql package)"
  if ! as_pg test -x "$repo"; then
    base=$fallback
    log "user postgres cannot reach $repo; the cluster lives in $base"
  fi
fi
data=$base/data
run=$base/run
logfile=$base/log/postgres.log
initlog=$base/log/initdb.log
# A Unix socket path may not exceed 107 bytes ("$run/.s.PGSQL.NNNNN").
(( ${#run} <= 90 )) || run=$fallback/run

# Directories the server writes to: 0700 and, as root, owned by postgres.
pg_dirs() {
  install -d -m 700 "$@"
  if is_root; then chown postgres:postgres "$@"; fi
}

# True when postmaster.pid names a live server of this data dir (the postmaster's cwd is it). Not
# so for a zombie (a killed server stays one where PID 1 does not reap) or for another process that
# reused the pid after a crash or reboot.
running() {
  local pid
  [[ -f $data/postmaster.pid ]] || return 1
  pid=$(head -n 1 "$data/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ && /proc/$pid/cwd -ef $data ]]
}

ready() { as_pg "$bin/pg_isready" -q -h "$run" -p "$1"; }

wait_ready() {
  local i
  for ((i = 0; i < 30; i++)); do
    ready "$1" && return 0
    sleep 1
  done
  return 1
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prefers the previously recorded port so the connection string stays stable across restarts.
free_port() {
  local p
  for p in ${1:-} $(seq 54329 54428); do
    port_busy "$p" || { echo "$p"; return 0; }
  done
  die "no free TCP port in 54329-54428"
}

fail_start() {
  log "PostgreSQL did not start; last lines of $logfile:"
  tail -n 30 "$logfile" >&2 || true
  exit 1
}

lock() {
  install -d -m 755 "$repo/.local" "$state"
  exec 9>"$state/lock"
  flock -w 120 9 || die "timed out waiting for $state/lock"
}

start() {
  local db=$1 port
  lock
  install -d -m 755 "$base" "$(dirname -- "$run")"
  pg_dirs "$data" "$run" "$(dirname -- "$logfile")"

  if [[ ! -f $data/PG_VERSION ]]; then
    local locale=C
    if grep -qiE '^c\.utf-?8$' <(locale -a 2>/dev/null); then locale=C.UTF-8; fi
    log "initialising $data (locale $locale)"
    as_pg "$bin/initdb" -D "$data" --auth=trust -U postgres -E UTF8 --locale="$locale" \
      >"$initlog" 2>&1 || { tail -n 30 "$initlog" >&2; die "initdb failed"; }
  fi

  port=$(cat "$state/port" 2>/dev/null || true)
  if [[ -n $port ]] && ready "$port"; then
    :
  elif running; then
    # Up but not answering on the recorded port (still starting, or the port file was lost).
    port=$(sed -n 4p "$data/postmaster.pid")
    echo "$port" >"$state/port"
  else
    if [[ -e $data/postmaster.pid ]]; then
      # The socket lock files name the dead pid too, and a zombie or reused pid would block startup.
      log "removing stale $data/postmaster.pid and socket locks"
      rm -f "$data/postmaster.pid" "$run"/.s.PGSQL.*
    fi
    port=$(free_port "${PG_PORT:-$port}")
    echo "$port" >"$state/port"
    log "starting PostgreSQL on 127.0.0.1:$port"
    # 9>&-: the server must not inherit (and so hold forever) our lock.
    as_pg "$bin/pg_ctl" start -w -t 30 -D "$data" -l "$logfile" \
      -o "-p $port -k '$run' -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" \
      >&2 9>&- || fail_start
  fi
  wait_ready "$port" || fail_start

  as_pg "$bin/psql" -h "$run" -p "$port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
    -v db="$db" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
  echo "Host=127.0.0.1;Port=$port;Database=$db;Username=postgres;Password=postgres"
}

stop() {
  lock
  if running; then
    as_pg "$bin/pg_ctl" stop -m fast -D "$data" >&2
  else
    log "not running"
  fi
}

status() {
  if running; then
    echo "running: pid $(head -n 1 "$data/postmaster.pid"), port $(sed -n 4p "$data/postmaster.pid"), data $data, log $logfile"
  else
    echo "stopped (data $data)"
    return 3
  fi
}

if [[ ${1:-} == start ]]; then shift; fi
case ${1:-} in
  stop | status) "$1" ;;
  *)
    if [[ -n ${ConnectionStrings__Marten:-} ]]; then
      echo "$ConnectionStrings__Marten"
    else
      start "${1:-${PG_DB:-issuetracker}}"
    fi
    ;;
esac
