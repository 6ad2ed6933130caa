#!/usr/bin/env bash
# Stops the Redis topology start.sh started (stop.sh cluster|sentinel): SHUTDOWN NOSAVE on each of its ports, then,
# for a server that does not go, SIGKILL to the process whose pid file start.sh had it write. Nothing running: nothing
# to do.
set -uo pipefail
source "$(dirname "$0")/topology.sh"
topology_check "${1:-}"
topology=$1
dir=$(topology_dir "$topology")

for port in $(topology_ports "$topology"); do
  cli "$port" shutdown nosave >/dev/null 2>&1 || true
done
for port in $(topology_ports "$topology"); do
  if ! await "port $port free" 5 bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null" 2>/dev/null; then
    pid=$(cat "$dir/$port/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    else
      echo "port $port is still taken, by no server of this topology" >&2
    fi
  fi
done
echo "Redis $topology stopped"
