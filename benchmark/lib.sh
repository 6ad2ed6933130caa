# What the benchmarks that run the production server share (sourced by load.sh and startup.sh). Each script sets
# PREFIX (its Redis keys), WLP and SERVER_DIR (the server the build created), and SERVER_STARTED and STUB_PID as it
# starts the server and the provider stub.

# Stops the script if one of the given loopback ports is taken.
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
      echo "port $port is in use: stop what listens there first" >&2
      exit 1
    fi
  done
}

# Removes the script's keys (under $PREFIX) from the machine's Redis.
redis_keys_delete() {
  redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "${PREFIX}*" \
    | xargs -r -d '\n' -n 500 redis-cli -h 127.0.0.1 -p 6379 DEL >/dev/null
}

# The server listens on the given port for this run, whatever port liberty:create gave it (load.sh and startup.sh
# share the server the build created, on different ports): a configuration drop-in that overrides the variable, read
# after liberty-maven-plugin's own, removed by stop_server_and_stub.
listen_on() {
  mkdir -p "$SERVER_DIR/configDropins/overrides"
  printf '<server>\n    <variable name="http.port" value="%s"/>\n</server>\n' "$1" \
    >"$SERVER_DIR/configDropins/overrides/zz-benchmark-port.xml"
}

# The common part of a benchmark's clean-up: the server stopped, the stub stopped, the server's own server.env and
# port back.
stop_server_and_stub() {
  if [ -n "${SERVER_STARTED:-}" ]; then
    "$WLP/bin/server" stop wearables >/dev/null 2>&1
  fi
  if [ -n "${STUB_PID:-}" ] && kill -0 "$STUB_PID" 2>/dev/null; then
    kill "$STUB_PID"
    wait "$STUB_PID" 2>/dev/null
  fi
  if [ -f "$SERVER_DIR/server.env.orig" ]; then
    mv -f "$SERVER_DIR/server.env.orig" "$SERVER_DIR/server.env"
  fi
  rm -f "$SERVER_DIR/configDropins/overrides/zz-benchmark-port.xml"
}
