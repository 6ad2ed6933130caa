#!/usr/bin/env bash
# Prints refreshes under contention, in one run, against the real Redis on 127.0.0.1:6379 (the refresh leases) and a
# token endpoint answering in 20 ms that refuses a refresh token used twice: provider requests per burst of concurrent
# refreshes of one connection (1.00 = single flight held), and refreshes per second over distinct and over 4 hot
# connections. The stores are in memory: the figures are the refresh use case and its Redis leases.
# Usage: benchmark/refresh.sh [threads] [bursts] [refreshes]      (defaults 16 50 400)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench-refresh -pl adapters-redis -am process-test-classes -Dexec.args="${1:-16} ${2:-50} ${3:-400}" \
  2>&1 | grep -E '^refresh'
printf 'load_average           %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
