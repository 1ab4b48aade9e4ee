#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   eval "$(scripts/pg-test-server.sh start)"   # initdb in a temporary folder, start on 127.0.0.1
#                                               # on a free port, create database peering_test;
#                                               # prints export lines for PEERING_TEST_PG_URL and
#                                               # PEERING_TEST_PG_DIR
#   scripts/pg-test-server.sh stop [DIR]        # stop it and remove the folder (DIR defaults to
#                                               # $PEERING_TEST_PG_DIR)
#
# When run as root, the server runs as the "postgres" user (PostgreSQL refuses to run as root).
# Nothing outside the temporary folder is touched; the server listens on 127.0.0.1 only, with
# trust authentication, and keeps its socket in the folder too. Durability is off (fsync=off):
# the data is thrown away anyway.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-test-server: PostgreSQL server binaries (initdb, pg_ctl) not found; install the postgresql package (scripts/install-deps.sh) or set PG_BIN" >&2
  exit 1
}

# Runs a command as the server's user: postgres when we are root, ourselves otherwise.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin dir port try
  bin="$(find_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/peering-pg.XXXXXX")"
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg-test-server: running as root but there is no postgres user to run the server as" >&2
      rm -rf "$dir"; exit 1
    fi
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  if ! as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1; then
    echo "pg-test-server: initdb failed:" >&2; cat "$dir/initdb.log" >&2
    rm -rf "$dir"; exit 1
  fi
  # A free port: try random ones above the usual ranges; pg_ctl fails on a race, so retry.
  for try in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    port_in_use "$port" && continue
    echo "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" >"$dir/options"
    if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "$(cat "$dir/options")" start >/dev/null 2>&1; then
      if as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres peering_test 2>"$dir/createdb.log"; then
        echo "export PEERING_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/peering_test"
        echo "export PEERING_TEST_PG_DIR=$dir"
        return 0
      fi
      cat "$dir/createdb.log" >&2
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      break
    fi
  done
  echo "pg-test-server: the server did not start:" >&2
  tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
  rm -rf "$dir"
  exit 1
}

stop() {
  local dir="${1:-${PEERING_TEST_PG_DIR:-}}" bin
  if [ -z "$dir" ]; then
    echo "pg-test-server: stop: which server? give its folder or set PEERING_TEST_PG_DIR" >&2
    exit 1
  fi
  case "$dir" in
    */peering-pg.*) ;;
    *) echo "pg-test-server: stop: $dir is not a folder this script made" >&2; exit 1 ;;
  esac
  [ -d "$dir" ] || return 0
  bin="$(find_bin)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# Faults for the fault tests, on a server this script started (DIR): stop it, ending every
# connection but keeping its data (halt: "-m fast", since this server runs without fsync and
# would lose recent commits in an immediate stop), start it again on the same port (restart), or
# stop and continue every one of its processes (freeze, thaw: a server that holds its
# connections and never answers).
fault() {
  local what="$1" dir="${2:-}" bin pid
  case "$dir" in
    */peering-pg.*) [ -d "$dir/data" ] || { echo "pg-test-server: $what: no server in $dir" >&2; exit 1; } ;;
    *) echo "pg-test-server: $what: $dir is not a folder this script made" >&2; exit 1 ;;
  esac
  bin="$(find_bin)"
  case "$what" in
    halt) as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ;;
    restart) as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
               -o "$(cat "$dir/options")" start >/dev/null ;;
    freeze|thaw)
      pid="$(head -1 "$dir/data/postmaster.pid")"
      local sig=STOP; [ "$what" = thaw ] && sig=CONT
      kill -"$sig" "$pid"
      pkill -"$sig" -P "$pid" || true ;;
  esac
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  halt|restart|freeze|thaw) fault "$1" "${2:-}" ;;
  *) echo "usage: $0 start | stop [DIR] | halt DIR | restart DIR | freeze DIR | thaw DIR" >&2; exit 2 ;;
esac
