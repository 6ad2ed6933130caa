#!/usr/bin/env bash
# Starts a Redis topology on loopback for the acceptance subset, and returns once it is ready to fail over:
#   start.sh cluster    three masters with a replica each on 17300–17305 (redis-cli --cluster create)
#   start.sh sentinel   master 17400, replica 17401 (min-replicas-to-write 1), sentinels 17500–17502, name wearables
# Whatever an interrupted run left on those ports is shut down first; something else listening there stops the start.
# stop.sh stops it again.
set -euo pipefail
source "$(dirname "$0")/topology.sh"
topology_check "${1:-}"
topology=$1
dir=$(topology_dir "$topology")
began=$SECONDS

for port in $(topology_ports "$topology"); do
  if listening "$port"; then
    cli "$port" shutdown nosave >/dev/null 2>&1 || true
    await "port $port free after shutting down what an earlier run left there" 10 bash -c \
      "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null" || {
      echo "something other than a Redis of an earlier run listens on $port" >&2
      exit 1
    }
  fi
done
rm -rf "$dir"

cluster_healthy() {
  local port nodes replica
  for port in "${CLUSTER_PORTS[@]}"; do
    cli "$port" cluster info 2>/dev/null | tr -d '\r' | grep -q '^cluster_state:ok$' || return 1
    nodes=$(cli "$port" cluster nodes 2>/dev/null) || return 1
    [ "$(awk '$3 ~ /master/ && NF >= 9' <<<"$nodes" | wc -l)" -eq 3 ] || return 1
    [ "$(awk '$3 ~ /slave/' <<<"$nodes" | wc -l)" -eq 3 ] || return 1
    ! grep -q 'fail' <<<"$nodes" || return 1
  done
  for replica in $(awk '$3 ~ /slave/ {split($2, a, "[:@]"); print a[2]}' <<<"$nodes"); do
    [ "$(info_field "$replica" master_link_status)" = up ] || return 1
  done
}

start_cluster() {
  local port create=()
  for port in "${CLUSTER_PORTS[@]}"; do
    data_server cluster "$port"
    create+=("127.0.0.1:$port")
  done
  for port in "${CLUSTER_PORTS[@]}"; do
    await "redis-server listening on $port" 20 listening "$port"
  done
  redis-cli --cluster create "${create[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 || {
    cat "$dir/create.log" >&2
    exit 1
  }
  await "three masters with a replica each, cluster_state:ok on every node" 30 cluster_healthy
}

sentinel_names() {
  local sentinel address
  for sentinel in "${SENTINEL_PORTS[@]}"; do
    address=$(cli "$sentinel" sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | tr -d '\r' | tail -1)
    [ "$address" = "$1" ] || return 1
  done
}

sentinel_healthy() {
  local master=$1 replica=$2
  sentinel_names "$master" &&
    [ "$(info_field "$master" role)" = master ] &&
    [ "$(info_field "$master" connected_slaves)" = 1 ] &&
    [ "$(info_field "$replica" master_port)" = "$master" ] &&
    [ "$(info_field "$replica" master_link_status)" = up ]
}

# A sentinel that knows the replica and the other two sentinels (fixed ids) from the start, so none has to find them.
sentinel_config() {
  local port=$1 master=$2 replica=$3 other
  cat <<CONF
port $port
bind 127.0.0.1
daemonize yes
pidfile $dir/$port/redis.pid
logfile $dir/$port/redis.log
dir $dir/$port
sentinel myid $(printf '%040d' "$port")
sentinel monitor $MASTER_NAME 127.0.0.1 $master 2
sentinel down-after-milliseconds $MASTER_NAME 2000
sentinel failover-timeout $MASTER_NAME 5000
sentinel known-replica $MASTER_NAME 127.0.0.1 $replica
CONF
  for other in "${SENTINEL_PORTS[@]}"; do
    if [ "$other" != "$port" ]; then
      echo "sentinel known-sentinel $MASTER_NAME 127.0.0.1 $other $(printf '%040d' "$other")"
    fi
  done
}

start_sentinel() {
  local master=${SENTINEL_DATA_PORTS[0]} replica=${SENTINEL_DATA_PORTS[1]} sentinel
  data_server sentinel "$master"
  data_server sentinel "$replica"
  for sentinel in "${SENTINEL_PORTS[@]}"; do
    mkdir -p "$dir/$sentinel"
    sentinel_config "$sentinel" "$master" "$replica" >"$dir/$sentinel/sentinel.conf"
    redis-server "$dir/$sentinel/sentinel.conf" --sentinel
  done
  for port in "${SENTINEL_PORTS[@]}" "${SENTINEL_DATA_PORTS[@]}"; do
    await "redis-server listening on $port" 20 listening "$port"
  done
  for sentinel in "${SENTINEL_PORTS[@]}"; do
    # A sentinel turns the old master into a replica of the new one after seeing it claim to be master for four
    # hello periods, found in INFO: by default some ten seconds after a failover, during which the new master,
    # with min-replicas-to-write 1, takes no writes. Shorter here, as in adapters-redis's tests.
    cli "$sentinel" sentinel debug info-period 200 publish-period 500 >/dev/null
  done
  await "master $master with its replica $replica, known to every sentinel" 30 sentinel_healthy "$master" "$replica"
}

"start_$topology"
echo "Redis $topology on $(topology_ports "$topology" | tr ' ' ','): ready after $((SECONDS - began)) s ($dir)"
