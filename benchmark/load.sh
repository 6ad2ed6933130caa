#!/usr/bin/env bash
# The gateway under concurrent load, next to its floor, in one run: the production WAR on Open Liberty (port 9180) with
# a PostgreSQL FHIR store (database wearables_load) and Redis (keys under bench-load:), two generic OAuth 2.0 providers
# whose token endpoint is a stub in a JVM of its own (port 9181, answers at once): "bench", without a data API, and
# "benchsync", whose data API is the stub's Oura-shaped one (ProviderStub.java); and two measurements at 1, 16 and 64
# concurrent users/threads, each step after a warm-up at the same concurrency:
#   floor    the callback's I/O made directly with the gateway's adapters in one JVM (GETDEL, token request, Endpoint
#            write through HAPI in its own database wearables_load_floor, XADD), no server; benchmark/load/…/Floor.java;
#            once before the gateway's steps and once after all of them (the soak and backfills included), in a new
#            JVM each time: the ratios are against the mean of the two
#   gatling  connect, callback alone (states minted by the connect steps), whole flow, all of "bench"; then the sync
#            backfill: a whole flow of "benchsync" and its first sync polled until done (LOAD_BACKFILL_DAYS=7 days
#            back, a heart-rate sample every LOAD_HEART_RATE_SECONDS=300 s as Oura's; LOAD_BACKFILL=0 leaves it
#            out); closed model; HTML report
# Prints one table (throughput, p50/p95/p99, errors, callback ÷ floor) with the issue's targets (PASS/MISS, never a
# failure), the path of Gatling's report and the load average. Stops and removes everything it started: the server,
# the stub, both databases, its Redis keys, its configuration and keyset.
# Usage: benchmark/load.sh [seconds per step]      (default 30; LOAD_WARMUP=5 seconds of warm-up per step;
# LOAD_LEVELS=1,16,64 the concurrency levels, e.g. LOAD_LEVELS=16 for a short profiling run; LOAD_START_WARMUP=120
# seconds of warm-up before the first step, for the floor and the gateway alike;
# LOAD_SOAK=600 adds, after the steps, whole flows at 16 users for 600 s: the soak. The gateway's resident memory and
# threads are sampled every 10 s throughout, into target/load/memory.tsv, and summed up at the end)
# LOAD_INSPECT='<command>' runs that command after the run, with the gateway's pid in $GATEWAY_PID, into
# target/load/inspect.txt, e.g. 'jcmd $GATEWAY_PID VM.native_memory summary' (with JVM_ARGS=-XX:NativeMemoryTracking=summary).
# Needs Redis on 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (trust auth for postgres), ports 9180 and 9181 free.
# Liberty's JVM_ARGS reach the gateway's JVM (not the floor's or Gatling's), e.g.
# JVM_ARGS=-XX:StartFlightRecording=filename=/tmp/gateway.jfr; also a short-lived JVM of Liberty's server script,
# which writes such a file first: the gateway's replaces it when it stops, but -Xlog:gc:file=… is rotated (the
# gateway's own log is then <file>.0)
# (the steps' start and end times are in benchmark/load/target/load/steps.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STEP_SECONDS=${1:-30}
WARMUP=${LOAD_WARMUP:-5}
# Before the first step, the gateway runs whole flows and the floor its operations for this long, at 16 users/threads.
# The JIT needs it: with a step's length (30 s), the gateway's compiler threads still took 16-29 % of its CPU during the
# connect, callback and flow steps at 16 users that followed (JFR's ThreadCPULoad, 2026-12-02), and 3 % only once the
# steps were over; the floor's code is a fraction of the gateway's (no Liberty, RESTEasy or Weld).
START_WARMUP=${LOAD_START_WARMUP:-120}
SOAK=${LOAD_SOAK:-0}
BACKFILL=${LOAD_BACKFILL:-1}
BACKFILL_DAYS=${LOAD_BACKFILL_DAYS:-7}
HEART_RATE_SECONDS=${LOAD_HEART_RATE_SECONDS:-300}
LEVELS=${LOAD_LEVELS:-1,16,64}
PORT=9180
STUB_PORT=9181
GATEWAY=adapters-rest/gateway
WLP=$ROOT/$GATEWAY/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/wearables
MODULE=$ROOT/benchmark/load
WORK=$MODULE/target/load
DB=wearables_load
FLOOR_DB=wearables_load_floor
PREFIX=bench-load:

. "$ROOT/benchmark/lib.sh"
require_free_ports "$PORT" "$STUB_PORT"

say() { printf '[load] %s\n' "$*" >&2; }

say "building the gateway, the adapters and the benchmark"
mvn -B -q -DskipTests install -pl "$GATEWAY",adapters-fhir,adapters-redis -am
# liberty:create copies the library over the server's and removes nothing: no jar of an earlier build may stay
rm -rf "$SERVER_DIR/lib"
mvn -B -q -pl "$GATEWAY" liberty:create liberty:deploy -Dliberty.var.http.port=$PORT >/dev/null
rm -rf "$WORK"
mkdir -p "$WORK"
mvn -B -q -f "$MODULE/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CLASSPATH_FLOOR="$MODULE/target/classes:$(cat "$WORK/classpath.txt")"

psql_() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -q -X -v ON_ERROR_STOP=1 "$@"; }

SERVER_STARTED=
STUB_PID=
SAMPLER_PID=
cleanup() {
  set +e
  [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2>/dev/null
  stop_server_and_stub
  rm -f "$WORK/token-keyset.json"
  psql_ -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $FLOOR_DB" >/dev/null 2>&1
  redis_keys_delete
}
trap cleanup EXIT
listen_on "$PORT"
trap 'exit 130' INT TERM

say "fresh databases $DB and $FLOOR_DB, no Redis keys under $PREFIX"
psql_ -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $FLOOR_DB"
createdb -h 127.0.0.1 -U postgres "$DB"
createdb -h 127.0.0.1 -U postgres "$FLOOR_DB"
redis_keys_delete

# Secrets of this run only, never printed: the project's API key (the server gets its hash), the client secret.
umask 077
java -cp "$CLASSPATH_FLOOR" health.wearables.adapters.sealing.TokenKeysetTool generate "$WORK/token-keyset.json" \
  >/dev/null 2>&1
API_KEY=$(openssl rand -hex 32)
API_KEY_SHA256=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
CLIENT_SECRET=$(openssl rand -hex 32)
[ -f "$SERVER_DIR/server.env.orig" ] || cp "$SERVER_DIR/server.env" "$SERVER_DIR/server.env.orig"
{
  cat "$SERVER_DIR/server.env.orig"
  echo
  cat <<EOF
WEARABLES_PUBLIC_BASE_URL=http://127.0.0.1:$PORT
WEARABLES_CRYPTO_KEYSET_FILE=$WORK/token-keyset.json
WEARABLES_FHIR_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
WEARABLES_FHIR_USERNAME=postgres
WEARABLES_REDIS_ADDRESS=redis://127.0.0.1:6379
WEARABLES_REDIS_KEY_PREFIX=$PREFIX
WEARABLES_STATE_TTL=3600
WEARABLES_PROJECTS=bench
WEARABLES_PROJECTS_BENCH_API_KEY_SHA256=$API_KEY_SHA256
WEARABLES_PROVIDERS=bench,benchsync
WEARABLES_PROVIDERS_BENCH_OAUTH_VERSION=2.0
WEARABLES_PROVIDERS_BENCH_AUTHORIZATION_URL=http://127.0.0.1:$STUB_PORT/authorize
WEARABLES_PROVIDERS_BENCH_TOKEN_URL=http://127.0.0.1:$STUB_PORT/token
WEARABLES_PROVIDERS_BENCH_CLIENT_ID=bench-client
WEARABLES_PROVIDERS_BENCH_CLIENT_SECRET=$CLIENT_SECRET
WEARABLES_PROVIDERS_BENCH_SCOPES=activity,heartrate
WEARABLES_PROVIDERS_BENCH_PKCE=none
WEARABLES_PROVIDERS_BENCH_CLIENT_AUTH=post
WEARABLES_PROVIDERS_BENCHSYNC_OAUTH_VERSION=2.0
WEARABLES_PROVIDERS_BENCHSYNC_AUTHORIZATION_URL=http://127.0.0.1:$STUB_PORT/authorize
WEARABLES_PROVIDERS_BENCHSYNC_TOKEN_URL=http://127.0.0.1:$STUB_PORT/token
WEARABLES_PROVIDERS_BENCHSYNC_API_BASE_URL=http://127.0.0.1:$STUB_PORT
WEARABLES_PROVIDERS_BENCHSYNC_DATA_API=oura
WEARABLES_PROVIDERS_BENCHSYNC_CLIENT_ID=bench-client
WEARABLES_PROVIDERS_BENCHSYNC_CLIENT_SECRET=$CLIENT_SECRET
WEARABLES_PROVIDERS_BENCHSYNC_SCOPES=daily,heartrate
WEARABLES_PROVIDERS_BENCHSYNC_PKCE=none
WEARABLES_PROVIDERS_BENCHSYNC_CLIENT_AUTH=post
WEARABLES_SYNC_BACKFILL_DAYS=$BACKFILL_DAYS
EOF
} >"$SERVER_DIR/server.env"
umask 022

say "provider stub on :$STUB_PORT"
java -Dsun.net.httpserver.nodelay=true -cp "$MODULE/target/classes" health.wearables.bench.load.ProviderStub \
  $STUB_PORT "$WORK/stub.txt" 4 "$HEART_RATE_SECONDS" >"$WORK/stub.log" 2>&1 &
STUB_PID=$!

say "starting the gateway on :$PORT (PostgreSQL $DB, Redis prefix $PREFIX)"
rm -rf "$SERVER_DIR/logs"
SERVER_STARTED=yes
"$WLP/bin/server" start wearables >/dev/null
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
if ! curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then
  say "the gateway did not become ready; the end of $SERVER_DIR/logs/messages.log:"
  tail -20 "$SERVER_DIR/logs/messages.log" >&2
  exit 1
fi
log_mark=$(wc -l <"$SERVER_DIR/logs/messages.log")

# The floor in a JVM of its own: run_floor <variants> <result file> <log file>. It runs with the gateway's heap, GC and
# JIT settings (the server's jvm.options), not the JVM's defaults (G1 on two CPUs, a quarter of the memory): the same
# libraries in the same kind of JVM.
FLOOR_JVM_OPTIONS=$(grep -hE '^-X' "$SERVER_DIR/jvm.options" | tr '\n' ' ')
run_floor() {
  # shellcheck disable=SC2086 # one option per word
  if ! java $FLOOR_JVM_OPTIONS -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -cp "$CLASSPATH_FLOOR" \
    -Dfloor.jdbc="jdbc:postgresql://127.0.0.1:5432/$FLOOR_DB" -Dfloor.user=postgres \
    -Dfloor.redis=redis://127.0.0.1:6379 -Dfloor.prefix="${PREFIX}floor:" -Dfloor.keyset="$WORK/token-keyset.json" \
    -Dfloor.token-url="http://127.0.0.1:$STUB_PORT/token" \
    -Dfloor.callback="http://127.0.0.1:$PORT/v1/wearables/bench/callback" -Dfloor.startWarmup="$START_WARMUP" \
    health.wearables.bench.load.Floor "$STEP_SECONDS" "$WARMUP" "$LEVELS" "$1" "$2" \
    2>&1 | tee "$3" | { grep --line-buffered -E '^floor' >&2 || true; }; then
    say "the floor failed; the end of $3:"
    tail -20 "$3" >&2
    exit 1
  fi
}

say "floor: ${START_WARMUP} s of warm-up, then ${STEP_SECONDS} s per step after ${WARMUP} s of warm-up," \
  "threads $LEVELS"
run_floor floor,floor+outbox+audit "$WORK/floor.tsv" "$WORK/floor.log"

GATEWAY_PID=$(cat "$WLP/usr/servers/.pid/wearables.pid")
# The gateway's resident memory (MiB) and threads every 10 s, with the time, until the run ends.
( while kill -0 "$GATEWAY_PID" 2>/dev/null; do
    printf '%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$GATEWAY_PID/status")" \
      "$(awk '/^Threads/ { print $2 }' "/proc/$GATEWAY_PID/status")"
    sleep 10
  done ) >"$WORK/memory.tsv" 2>/dev/null &
SAMPLER_PID=$!

ABOUT=$((START_WARMUP + 9 * (STEP_SECONDS + WARMUP) + 20 + SOAK + (BACKFILL == 0 ? 0 : 3 * STEP_SECONDS + WARMUP)))
say "gatling: ${START_WARMUP} s of warm-up, then ${STEP_SECONDS} s per step after ${WARMUP} s of warm-up," \
  "users $LEVELS, soak ${SOAK} s (about $ABOUT s, and then the last backfills' syncs)"
if ! BENCH_API_KEY=$API_KEY mvn -B -f "$MODULE/pom.xml" gatling:test -Dload.seconds="$STEP_SECONDS" \
  -Dload.warmup="$WARMUP" -Dload.startWarmup="$START_WARMUP" -Dload.levels="$LEVELS" -Dload.steps="$WORK/steps.tsv" \
  -Dload.soakSeconds="$SOAK" \
  -Dload.backfill="$([ "$BACKFILL" = 0 ] && echo false || echo true)" -Dload.backfills="$WORK/backfills.tsv" \
  -Dload.gatewayPid="$(cat "$WLP/usr/servers/.pid/wearables.pid")" -Dload.clockTicks="$(getconf CLK_TCK)" \
  >"$WORK/gatling.log" 2>&1; then
  say "gatling failed; the end of $WORK/gatling.log:"
  tail -30 "$WORK/gatling.log" >&2
  exit 1
fi
# The floor once more, now that the gateway's steps are done: one measurement of the floor moved by up to 68 % between
# two runs on a quiet machine (2026-12-02), so the ratios are taken against the mean of the floor before and after the
# gateway's steps, and the table shows both.
say "floor again: ${START_WARMUP} s of warm-up, then ${STEP_SECONDS} s per step after ${WARMUP} s of warm-up," \
  "threads $LEVELS"
run_floor floor "$WORK/floor-after.tsv" "$WORK/floor-after.log"
REPORT=$(grep -oP 'please open the following file: file://\K\S+' "$WORK/gatling.log" | tail -1)
REPORT=${REPORT%index.html}

curl -sf "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics.txt" || true
# The gateway's memory after the run, with the settings it ran with (the server's jvm.options).
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
REQUESTS=$(awk -F'\t' '$1 != "states left unused" { n += $4 } END { print n }' "$WORK/steps.tsv")
HEAP_INFO=$(jcmd "$GATEWAY_PID" GC.heap_info 2>/dev/null || true)
if [ -n "${LOAD_INSPECT:-}" ]; then
  GATEWAY_PID=$GATEWAY_PID bash -c "$LOAD_INSPECT" >"$WORK/inspect.txt" 2>&1 || true
fi
MEMORY=$(printf 'RSS %s MiB, threads %s, heap %s, %s; after %s requests; %s' \
  "$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$GATEWAY_PID/status")" \
  "$(awk '/^Threads/ { print $2 }' "/proc/$GATEWAY_PID/status")" \
  "$(grep -oP 'total \K\d+K, used \d+K' <<<"$HEAP_INFO" | tr -d 'K,' | awk '{ t += $1; u += $3 }
      END { if (NR) printf "committed %d MiB, used %d MiB (%d generations)", t / 1024, u / 1024, NR; else print "?" }')" \
  "$(grep -m1 -oP 'Metaspace\s+used \d+K, committed \d+K' <<<"$HEAP_INFO" | tr -s ' ' || echo '?')" \
  "$REQUESTS" "$(grep -hE '^-X' "$SERVER_DIR/jvm.options" 2>/dev/null | tr '\n' ' ')")
# Liberty rolls messages.log over at 20 MB (a run of 100,000 flows writes more, at INFO): the rolled-over files, oldest
# first (the first holds the lines before the mark), then the current one.
(cd "$SERVER_DIR/logs" && cat $(ls messages_*.log 2>/dev/null | sort) messages.log) | tail -n +"$((log_mark + 1))" \
  >"$WORK/gateway-during-run.log"
kill "$STUB_PID"
wait "$STUB_PID" 2>/dev/null || true
STUB_PID=

java -cp "$CLASSPATH_FLOOR" health.wearables.bench.load.LoadTable "$WORK/floor.tsv" "$WORK/steps.tsv" \
  "${REPORT}js/stats.js" "$WORK/stub.txt" "$WORK/metrics.txt" "$WORK/gateway-during-run.log" "$WORK/backfills.tsv" \
  "$WORK/floor-after.tsv"
# The run's own secrets must appear in none of the files it wrote (the keyset file is removed at the end).
leaks=$(grep -rlF -e "$API_KEY" -e "$CLIENT_SECRET" "$WORK" "$SERVER_DIR/logs" "$REPORT" 2>/dev/null || true)
printf 'secret_sweep     %s\n' "${leaks:-API key and client secret in no log, result or report file}"
printf 'gateway_memory   %s\n' "$MEMORY"
# Whole flows the gateway served (the warm-up at start, the flow steps and their warm-ups, the soak), and its resident
# memory over the run: the highest sample, and over the soak its first, highest and last.
printf 'whole_flows      %s\n' "$(awk -F'\t' '$1 ~ /flow|at start/ { n += $4 } END { print n }' "$WORK/steps.tsv")"
printf 'rss_samples      %s\n' "$(awk -F'\t' '$2 > max { max = $2 } END { printf "%d samples, highest %s MiB", NR, max }' \
  "$WORK/memory.tsv")"
if [ "$SOAK" -gt 0 ]; then
  soak_from=$(awk -F'\t' '$1 ~ /^soak/ { print substr($8, 1, 19) }' "$WORK/steps.tsv")
  printf 'soak             %s\n' "$(awk -F'\t' -v from="$soak_from" 'substr($1, 1, 19) >= from {
      if (first == "") first = $2; if ($2 > max) max = $2; last = $2; threads = $3 }
    END { printf "RSS MiB at its start %s, highest %s, at its end %s; %s threads at its end", first, max, last, threads }' \
    "$WORK/memory.tsv"); $(awk -F'\t' '$1 ~ /^soak/ { printf "%d flows in %.0f s (%.1f/s)", $4, $3, $4 / $3 }' \
    "$WORK/steps.tsv")"
fi
# Gatling's count of failed requests over the whole run, soak included.
printf 'failed_requests  %s\n' "$(awk -F'|' '/^> request count/ { gsub(/[ ,]/, "", $2); gsub(/[ ,]/, "", $4)
  printf "%s of %s requests", $4, $2 }' "$WORK/gatling.log" | tail -1)"
printf 'gatling_report   %sindex.html\n' "$REPORT"
if [ -n "${LOAD_INSPECT:-}" ]; then printf 'inspection       %s/inspect.txt\n' "$WORK"; fi
printf 'load_average     %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
