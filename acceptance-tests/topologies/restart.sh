#!/usr/bin/env bash
# Starts one data server of a running topology again, with the arguments start.sh gave it, after it was killed:
#   restart.sh cluster|sentinel PORT
# Nothing was kept on disk, so it comes back empty. Call it only once the sentinels or the cluster have promoted its
# replica: a master that comes back empty before that makes its replica resync to nothing, and every key is lost. A
# cluster node comes back with its nodes.conf and learns from the others that it is now its replica's replica; the
# sentinels turn a master that comes back into a replica of the one they promoted. Returns once it listens.
set -euo pipefail
source "$(dirname "$0")/topology.sh"
topology_check "${1:-}"
topology=$1
port=${2:-}
if [ "$topology" = cluster ]; then
  data_ports=("${CLUSTER_PORTS[@]}")
else
  data_ports=("${SENTINEL_DATA_PORTS[@]}")
fi
if [[ ! " ${data_ports[*]} " =~ " $port " ]]; then
  echo "usage: restart.sh $topology PORT, PORT one of ${data_ports[*]}" >&2
  exit 2
fi
if listening "$port"; then
  echo "port $port is taken: the server there was not killed" >&2
  exit 1
fi

data_server "$topology" "$port"
await "redis-server listening on $port" 20 listening "$port"
echo "Redis $topology: $port started again"
