# shellcheck shell=bash
# Sourced by scripts/test. A throwaway PostgreSQL cluster for the tests tagged "postgres":
# errand_pg_start makes one in a temp dir, listening on 127.0.0.1 only, with database
# errand_test, and exports ERRAND_TEST_PG_URL; errand_pg_stop stops it and deletes the dir.
# As root the cluster runs as the postgres user (PostgreSQL refuses to run as root).

ERRAND_PG_DIR=""

# Prints the bin directory of the newest PostgreSQL server (Debian: /usr/lib/postgresql/N/bin).
errand_pg_bindir() {
  local dir
  dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [[ -x $dir/initdb ]] || { dir=$(command -v initdb) && dir=${dir%/initdb}; } || return 1
  [[ -x $dir/pg_ctl && -x $dir/postgres ]] && echo "$dir"
}

# Starts a cluster; on failure prints why (with the server log) and leaves nothing behind.
errand_pg_start() {
  local bin port
  bin=$(errand_pg_bindir) || { echo "PostgreSQL server not installed (apt-get install -y postgresql)" >&2; return 1; }
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    echo "no postgres user to run PostgreSQL as (apt-get install -y postgresql creates it)" >&2
    return 1
  fi
  _errand_pg_reap
  port=$(_errand_pg_free_port) || { echo "no free port in 54329-54428 for PostgreSQL" >&2; return 1; }
  ERRAND_PG_DIR=$(mktemp -d /tmp/errand-pg.XXXXXX)
  echo $$ >"$ERRAND_PG_DIR/owner"
  echo postgres >"$ERRAND_PG_DIR/password"
  ((EUID == 0)) && chown -R postgres: "$ERRAND_PG_DIR"
  if _errand_pg_as_owner "$bin/initdb" -D "$ERRAND_PG_DIR/data" -U postgres -E UTF8 --no-locale \
      --pwfile="$ERRAND_PG_DIR/password" --auth-local=trust --auth-host=scram-sha-256 --no-sync \
      >"$ERRAND_PG_DIR/initdb.log" 2>&1 &&
    _errand_pg_as_owner "$bin/pg_ctl" -D "$ERRAND_PG_DIR/data" -l "$ERRAND_PG_DIR/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $port -k $ERRAND_PG_DIR -F -c full_page_writes=off" start >/dev/null &&
    PGPASSWORD=postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres errand_test; then
    export ERRAND_TEST_PG_URL="postgresql://postgres:postgres@127.0.0.1:$port/errand_test"
    return 0
  fi
  echo "PostgreSQL did not start; its logs:" >&2
  tail -n 20 "$ERRAND_PG_DIR"/*.log >&2 2>/dev/null
  errand_pg_stop
  return 1
}

# Stops the cluster started by errand_pg_start, if any, and deletes its directory.
errand_pg_stop() {
  [[ -n $ERRAND_PG_DIR ]] || return 0
  _errand_pg_remove "$ERRAND_PG_DIR"
  ERRAND_PG_DIR=""
}

_errand_pg_as_owner() {
  if ((EUID == 0)); then
    (cd "$ERRAND_PG_DIR" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

_errand_pg_free_port() {
  local port
  for ((port = 54329; port < 54429; port++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# Immediate shutdown (SIGQUIT to the postmaster, as `pg_ctl -m immediate` does), then delete.
_errand_pg_remove() {
  local dir=$1 pid comm="" i
  if [[ -f $dir/data/postmaster.pid ]] && read -r pid <"$dir/data/postmaster.pid"; then
    read -r comm <"/proc/$pid/comm" 2>/dev/null # a stale pid may belong to another program by now
    if [[ $comm == postgres ]] && kill -QUIT "$pid" 2>/dev/null; then
      for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir" 2>/dev/null
}

# Removes clusters whose scripts/test run was killed before its trap could clean up.
_errand_pg_reap() {
  local dir owner
  for dir in /tmp/errand-pg.*; do
    if [[ -f $dir/owner ]] && read -r owner <"$dir/owner" && ! kill -0 "$owner" 2>/dev/null; then
      _errand_pg_remove "$dir"
    fi
  done
}
