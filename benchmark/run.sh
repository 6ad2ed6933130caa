#!/usr/bin/env bash
# Prints the gateway's figures on this machine, in one run: WAR and library sizes, server start-to-ready, resident
# memory after one flow and after N flows, the rate of whole connect → consent → callback flows (demo provider, H2 FHIR
# store), and the sync's figures: the time from the first patient's callback to her first Observation being readable
# through /fhir, and her 30-day backfill (daily steps, 5-minute heart rate, nightly sleep, weekly weight) in
# Observations per second.
# The N flows run while the workers backfill the patients they connect (each flow queues a 30-day backfill).
# Usage: benchmark/run.sh [flows]      (needs Redis on 127.0.0.1:6379; builds and installs the modules first)
set -euo pipefail
cd "$(dirname "$0")/.."
FLOWS=${1:-50}
WAR=adapters-rest/gateway/target/wearables-gateway.war
DEMO=adapters-rest/demo
# the Liberty goals below run on the demo module alone, so the modules it depends on must be in the local repository
mvn -B -q -DskipTests install -pl "$DEMO" -am
WLP=$DEMO/target/liberty/wlp
SERVER=wearables
# A fresh server and data directory, so start-up includes creating the FHIR schema, as on a new machine.
mvn -B -q -pl "$DEMO" -Pdemo liberty:create liberty:deploy \
  -Dliberty.env.WEARABLES_DATA_DIR="$PWD/$DEMO/target/bench-data" >/dev/null
rm -rf "$DEMO/target/bench-data" "$WLP/usr/servers/$SERVER/logs"
LOG=$WLP/usr/servers/$SERVER/logs/messages.log

start=$(date +%s.%N)
"$WLP/bin/server" start "$SERVER" >/dev/null
until curl -sf http://localhost:9080/health/ready >/dev/null 2>&1; do sleep 0.5; done
ready=$(date +%s.%N)
trap '"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true' EXIT
pid=$(cat "$WLP/usr/servers/.pid/$SERVER.pid")
KEY=$(grep -oP "API key of project 'demo': \K\S+" "$WLP/usr/servers/$SERVER/logs/console.log" | tail -1)

flow() { # one patient: connect, sign in at the demo provider, come back through the callback
  local url loc
  url=$(curl -sf -X POST http://localhost:9080/v1/wearables/demo/connect -H "Authorization: Bearer $KEY" \
        -H 'Content-Type: application/json' -d "{\"patientId\":\"bench-$1\"}" | sed -E 's/.*"authorizationUrl":"([^"]+)".*/\1/')
  loc=$(curl -sf -o /dev/null -w '%{redirect_url}' -X POST --data 'username=bench' "$url")
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$loc")" = 200 ]
}

fhir_count() { # the Observations of a patient that /fhir serves the demo project
  curl -sf "http://localhost:9080/fhir/Observation?patient=$1&_summary=count" -H "Authorization: Bearer $KEY" \
    | sed -E 's/.*"total": *([0-9]+).*/\1/'
}
sync_status() {
  curl -sf "http://localhost:9080/v1/wearables/connections?patientId=$1" -H "Authorization: Bearer $KEY" \
    | sed -E 's/.*"syncStatus":"([a-z]+)".*/\1/'
}

flow first
called_back=$(date +%s.%N)
until [ "$(fhir_count bench-first)" -gt 0 ] 2>/dev/null; do sleep 0.05; done
first_observation=$(date +%s.%N)
until [ "$(sync_status bench-first)" = ok ]; do sleep 0.2; done
synced=$(date +%s.%N)
backfilled=$(fhir_count bench-first)
rss_one=$(ps -o rss= -p "$pid")
t0=$(date +%s.%N)
for i in $(seq 1 "$FLOWS"); do flow "$i"; done
t1=$(date +%s.%N)
rss_n=$(ps -o rss= -p "$pid")

printf 'war_size_mb            %.1f\n' "$(echo "$(stat -c %s "$WAR") / 1048576" | bc -l)"
printf 'demo_war_size_mb       %.1f\n' "$(echo "$(stat -c %s "$DEMO/target/wearables-gateway-demo.war") / 1048576" | bc -l)"
LIBRARY=$WLP/usr/servers/$SERVER/lib/gateway
printf 'library_size_mb        %.1f\n' "$(echo "$(du -sb "$LIBRARY" | cut -f1) / 1048576" | bc -l)"
printf 'start_to_ready_s       %.1f\n' "$(echo "$ready - $start" | bc -l)"
printf 'callback_to_first_observation_ms  %.0f\n' "$(echo "1000 * ($first_observation - $called_back)" | bc -l)"
printf 'backfill_observations  %d\n' "$backfilled"
printf 'backfill_s             %.1f\n' "$(echo "$synced - $called_back" | bc -l)"
printf 'backfill_obs_per_s     %.0f\n' "$(echo "$backfilled / ($synced - $called_back)" | bc -l)"
printf 'rss_after_one_flow_mb  %.0f\n' "$(echo "$rss_one / 1024" | bc -l)"
printf 'flows                  %d\n' "$FLOWS"
printf 'flows_per_s            %.1f\n' "$(echo "$FLOWS / ($t1 - $t0)" | bc -l)"
printf 'ms_per_flow            %.0f\n' "$(echo "1000 * ($t1 - $t0) / $FLOWS" | bc -l)"
printf 'rss_after_flows_mb     %.0f\n' "$(echo "$rss_n / 1024" | bc -l)"
printf 'load_average           %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
