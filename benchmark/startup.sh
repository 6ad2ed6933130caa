#!/usr/bin/env bash
# The production server's start-up, measured: from `server start` to /health/ready answering UP on a fresh H2 store
# (a new data directory each run, so the FHIR schema is created as on a new machine), with where the time went (from
# messages.log's timestamps), resident memory after ready and after one whole flow (connect, then the callback against
# a token stub), and the sizes of the WAR and of its library (the server's lib/gateway). Builds nothing: it starts the
# server the build created, e.g.
#   mvn -B -DskipTests install -pl adapters-rest/gateway -am
#   mvn -B -pl adapters-rest/gateway liberty:create liberty:deploy        (the script sets the port it listens on)
# Usage: benchmark/startup.sh [runs]        (default 3; STARTUP_PORT=19180, STARTUP_STUB_PORT=19181; STARTUP_WARM=1
# keeps Liberty's workarea between runs, as a restart does; STARTUP_CDS=1 measures the starts with a class-data-sharing
# archive that a training start wrote first; STARTUP_INSPECT='<command>' runs that command, with the
# server's pid in $GATEWAY_PID, after the flow and before the server stops, e.g. 'jcmd $GATEWAY_PID GC.class_histogram')
# Needs Redis on 127.0.0.1:6379 (keys under startup-bench:, removed at the end). Stops the server and the stub, and
# restores the server's server.env, when it ends. The figures of a shared machine are read with its load average,
# printed before and after every run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-3}
PORT=${STARTUP_PORT:-19180}
STUB_PORT=${STARTUP_STUB_PORT:-19181}
GATEWAY=adapters-rest/gateway
WAR=$ROOT/$GATEWAY/target/wearables-gateway.war
WLP=$ROOT/$GATEWAY/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/wearables
WORK=$ROOT/$GATEWAY/target/startup-bench
PREFIX=startup-bench:

if [ ! -f "$SERVER_DIR/server.xml" ] || [ ! -f "$SERVER_DIR/apps/wearables-gateway.war" ]; then
  echo "no server at $SERVER_DIR: run liberty:create liberty:deploy first (see the head of this script)" >&2
  exit 1
fi
# liberty:create copies the library over the server's and removes nothing: a jar of an earlier build would still load
if ! diff -q <(ls "$SERVER_DIR/lib/gateway" 2>/dev/null) \
  <(ls "$ROOT/$GATEWAY/target/liberty-config/lib/gateway" 2>/dev/null) >/dev/null; then
  echo "the server's lib/gateway is not the build's target/liberty-config/lib/gateway: rm -rf $SERVER_DIR/lib and run" \
    "liberty:create liberty:deploy again" >&2
  exit 1
fi
. "$ROOT/benchmark/lib.sh"
require_free_ports "$PORT" "$STUB_PORT"

say() { printf '[startup] %s\n' "$*" >&2; }
now() { date +%s.%N; }

SERVER_STARTED=
STUB_PID=
CDS_USED=
cleanup() {
  set +e
  stop_server_and_stub
  redis_keys_delete
  if [ -n "$CDS_USED" ]; then "$ROOT/adapters-rest/gateway/class-data-sharing.sh" "$SERVER_DIR" off >/dev/null; fi
}
trap cleanup EXIT
listen_on "$PORT"
trap 'exit 130' INT TERM

rm -rf "$WORK"
mkdir -p "$WORK"
# The API key of this run only, never printed; the server gets its hash.
API_KEY=$(openssl rand -hex 32)
API_KEY_SHA256=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
[ -f "$SERVER_DIR/server.env.orig" ] || cp "$SERVER_DIR/server.env" "$SERVER_DIR/server.env.orig"

# The load benchmark's provider stub (JDK only), run from its source: a valid token response for any code.
java "$ROOT/benchmark/load/src/main/java/health/wearables/bench/load/ProviderStub.java" \
  "$STUB_PORT" "$WORK/stub.txt" 2 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!

# Seconds from the first line of messages.log (the kernel's launch) to the first line matching $1.
log_at() {
  awk -v pattern="$1" '
    function secs(line,  t) { t = substr(line, 2, index(line, "]") - 2); sub(/ [A-Z]+$/, "", t); split(t, p, /[ :]/)
                             return p[2] * 3600 + p[3] * 60 + p[4] + p[5] / 1000 }
    /^\[/ { s = secs($0); if (first == "") first = s; if ($0 ~ pattern) { printf "%.1f", s - first; exit } }
  ' "$SERVER_DIR/logs/messages.log"
}
rss_mb() { echo $(($(ps -o rss= -p "$1") / 1024)); }
# CPU seconds (user + system) the process has used: on a shared machine a steadier figure than the wall clock.
cpu_s() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tck }' "/proc/$1/stat"; }

flow() { # connect a patient, then come back through the callback with a code the stub exchanges
  local url state status
  url=$(curl -sf -X POST "http://127.0.0.1:$PORT/v1/wearables/bench/connect" -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' -d "{\"patientId\":\"startup-$1\"}" \
        | sed -E 's/.*"authorizationUrl":"([^"]+)".*/\1/')
  state=$(printf %s "$url" | grep -oP '[?&]state=\K[^&]+')
  status=$(curl -s -o "$WORK/callback.json" -w '%{http_code}' \
           "http://127.0.0.1:$PORT/v1/wearables/bench/callback?code=startup-code&state=$state")
  [ "$status" = 200 ] || { say "the callback answered $status: $(cat "$WORK/callback.json")"; return 1; }
}

printf '%-4s %7s %7s %7s %7s %7s %7s %7s %7s %7s %8s %8s  %s\n' run ready cpu cmd kernel app_at web fhir app_ok srv_rdy \
  rss_rdy rss_flow "load average before / after"
# The server's configuration for one run: its own data directory (a fresh H2 store), Redis, the stub as provider.
configure() {
  local DATA=$1
  {
    cat "$SERVER_DIR/server.env.orig"
    echo
    cat <<EOF
WEARABLES_DATA_DIR=$DATA
WEARABLES_CRYPTO_CREATE_IF_MISSING=true
WEARABLES_PUBLIC_BASE_URL=http://127.0.0.1:$PORT
WEARABLES_REDIS_ADDRESS=redis://127.0.0.1:6379
WEARABLES_REDIS_KEY_PREFIX=$PREFIX
WEARABLES_PROJECTS=bench
WEARABLES_PROJECTS_BENCH_API_KEY_SHA256=$API_KEY_SHA256
WEARABLES_PROVIDERS=bench
WEARABLES_PROVIDERS_BENCH_AUTHORIZATION_URL=http://127.0.0.1:$STUB_PORT/authorize
WEARABLES_PROVIDERS_BENCH_TOKEN_URL=http://127.0.0.1:$STUB_PORT/token
WEARABLES_PROVIDERS_BENCH_CLIENT_ID=startup-client
WEARABLES_PROVIDERS_BENCH_CLIENT_SECRET=startup-secret
WEARABLES_PROVIDERS_BENCH_PKCE=none
WEARABLES_PROVIDERS_BENCH_CLIENT_AUTH=post
EOF
  } >"$SERVER_DIR/server.env"
}

# STARTUP_CDS=1: one training start first writes a class-data-sharing archive, which every measured start then maps
# (adapters-rest/gateway/class-data-sharing.sh; removed again at the end).
if [ -n "${STARTUP_CDS:-}" ]; then
  configure "$WORK/data-training"
  CDS_PORT=$PORT "$ROOT/adapters-rest/gateway/class-data-sharing.sh" "$SERVER_DIR" >&2
  CDS_USED=yes
fi

for run in $(seq 1 "$RUNS"); do
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  DATA=$WORK/data-$run
  configure "$DATA"
  rm -rf "$SERVER_DIR/logs"
  # STARTUP_WARM=1 keeps Liberty's workarea (its cache of the WAR's annotations) and the expanded WAR, as a restart
  # of the same server would: the store is still fresh.
  if [ -z "${STARTUP_WARM:-}" ]; then rm -rf "$SERVER_DIR/workarea" "$SERVER_DIR/apps/expanded"; fi
  redis_keys_delete
  start=$(now)
  SERVER_STARTED=yes
  "$WLP/bin/server" start wearables >/dev/null || true
  returned=$(now)
  ready=
  for _ in $(seq 1 3000); do
    if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then ready=$(now); break; fi
    # the application failed to start (CWWKZ0002E) or its context did (SRVE0283E): it will not become ready
    if grep -qE 'CWWKZ0002E|SRVE0283E' "$SERVER_DIR/logs/messages.log" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [ -z "$ready" ]; then
    say "run $run: not ready (after at most 300 s); the first errors of messages.log:"
    grep -m5 -E ' E |Caused by' "$SERVER_DIR/logs/messages.log" | cut -c1-300 >&2
    exit 1
  fi
  pid=$(cat "$WLP/usr/servers/.pid/wearables.pid")
  cpu_ready=$(cpu_s "$pid")
  rss_ready=$(rss_mb "$pid")
  flow "$run"
  rss_flow=$(rss_mb "$pid")
  if [ -n "${STARTUP_INSPECT:-}" ]; then GATEWAY_PID=$pid bash -c "$STARTUP_INSPECT" >"$WORK/inspect-$run.txt" 2>&1 || true; fi
  # kernel: the OSGi kernel is up (features start); app_at: the application starts (then its jars are scanned and
  # CDI deploys); web: its web module loads (servlets, then the CDI beans that start with it); fhir: the FHIR store's
  # Spring context, as it logs it; app_ok: the application started; srv_rdy: the server's "ready" message.
  fhir_ms=$(grep -oP 'FHIR store started on .* in \K[0-9,]+(?= ms)' "$SERVER_DIR/logs/messages.log" | head -1 | tr -d ,)
  cp "$SERVER_DIR/logs/messages.log" "$WORK/messages-$run.log"
  printf '%-4s %7.1f %7s %7.1f %7s %7s %7s %7.1f %7s %7s %8s %8s  %s / %s\n' "$run" "$(echo "$ready - $start" | bc -l)" \
    "$cpu_ready" \
    "$(echo "$returned - $start" | bc -l)" "$(log_at 'CWWKE0002I')" "$(log_at 'CWWKZ0018I')" \
    "$(log_at 'SRVE0169I: Loading Web Module: wearables-gateway')" \
    "$(echo "${fhir_ms:-0} / 1000" | bc -l)" "$(log_at 'CWWKZ0001I')" "$(log_at 'CWWKF0011I')" \
    "$rss_ready" "$rss_flow" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
  "$WLP/bin/server" stop wearables >/dev/null 2>&1 || true
  SERVER_STARTED=
done
LIBRARY=$SERVER_DIR/lib/gateway
printf 'war_size_mb %.1f   library_size_mb %.1f (%d jars in the server'"'"'s lib/gateway)\n' \
  "$(echo "$(stat -c %s "$WAR") / 1048576" | bc -l)" "$(echo "$(du -sb "$LIBRARY" | cut -f1) / 1048576" | bc -l)" \
  "$(find "$LIBRARY" -name '*.jar' | wc -l)"
printf '(ready: server start to /health/ready UP, s; cpu: the server JVM'"'"'s CPU seconds until\n'
printf '  then; cmd: until `server start` returned; the rest from messages.log, s after its first line; rss in MiB\n'
printf '  after ready and after one flow)\n'
printf 'logs: %s/messages-*.log\n' "$WORK"
if [ -n "${STARTUP_INSPECT:-}" ]; then printf 'inspections: %s/inspect-*.txt\n' "$WORK"; fi
