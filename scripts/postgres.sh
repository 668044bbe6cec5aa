#!/usr/bin/env bash
# scripts/postgres.sh start        start the machine's PostgreSQL cluster if it is not running
# scripts/postgres.sh ensure URL   exit 0 when URL's server answers, creating its role and
#                                  database (with CREATEDB, for test databases) if they are missing
set -u
cmd=${1:-}; url=${2:-}

start() {
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || return 1
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  fi
  return 1
}

ensure() {
  command -v psql >/dev/null || return 1
  # postgres://user[:password]@host:port/name
  local rest=${url#*://}; local creds=${rest%%@*}; local hostpart=${rest#*@}
  local user=${creds%%:*}; local hostport=${hostpart%%/*}; local db=${hostpart#*/}; db=${db%%\?*}
  local host=${hostport%%:*}; local port=5432
  [ "$hostport" != "$host" ] && port=${hostport#*:}
  pg_isready -q -h "$host" -p "$port" 2>/dev/null || return 1
  psql -X -q "$url" -c 'select 1' >/dev/null 2>&1 && return 0
  # Local trust auth: make the role and database as the superuser.
  local admin=(psql -X -q -h "$host" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1)
  "${admin[@]}" -tc "select 1 from pg_roles where rolname='$user'" | grep -q 1 ||
    "${admin[@]}" -c "create role \"$user\" login createdb" || return 1
  "${admin[@]}" -tc "select 1 from pg_database where datname='$db'" | grep -q 1 ||
    "${admin[@]}" -c "create database \"$db\" owner \"$user\"" || return 1
  psql -X -q "$url" -c 'select 1' >/dev/null 2>&1
}

case "$cmd" in
  start) start ;;
  ensure) ensure ;;
  *) echo "usage: $0 start | ensure URL" >&2; exit 64 ;;
esac
