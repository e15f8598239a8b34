# Sourced by scripts/test: throwaway PostgreSQL and Redis servers on free local ports for the
# tests that run on both storage backends and for the replica scenario. Installs them from
# Debian's packages when missing (as root); exports TEST_POSTGRES_URL and TEST_REDIS_URL and
# stops the servers when the script exits.

_free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_service_packages() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # the Mini App's browser tests
  [ -n "$(_pg_bin)" ] || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} from Debian's packages" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} missing and not installable here (needs root and apt-get)" >&2
  fi
}

start_services() {
  SERVICES_DIR=$(mktemp -d)
  trap stop_services EXIT
  local bin port as=()
  bin=$(_pg_bin)
  if [ -n "$bin" ]; then
    port=$(_free_port)
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$SERVICES_DIR"
      as=(runuser -u postgres --)  # PostgreSQL refuses to run as root
    fi
    "${as[@]}" "$bin/initdb" -D "$SERVICES_DIR/pg" -U postgres --auth=trust >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$SERVICES_DIR/pg" -l "$SERVICES_DIR/pg.log" -w \
      -o "-p $port -k $SERVICES_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
      start >/dev/null
    export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  fi
  if command -v redis-server >/dev/null 2>&1; then
    port=$(_free_port)
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" --dir "$SERVICES_DIR"
    export TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  fi
}

stop_services() {
  local bin as=()
  bin=$(_pg_bin)
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  if [ -n "$bin" ] && [ -d "$SERVICES_DIR/pg" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  [ -f "$SERVICES_DIR/redis.pid" ] && kill "$(cat "$SERVICES_DIR/redis.pid")" 2>/dev/null || true
  rm -rf "$SERVICES_DIR"
}
