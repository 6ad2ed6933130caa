# shellcheck shell=bash
# What start.sh, stop.sh and run.sh share (sourced, not run): the loopback Redis topologies the acceptance subset runs
# on instead of the single Redis on 6379 (mvn verify -P redis-cluster or -P redis-sentinel in acceptance-tests).
#
# The ports are apart from those of adapters-redis's tests (cluster 17000–17005, sentinel 17100/17101 and 17200–17202),
# so a topology of the acceptance run and one of those tests never meet; the profiles in acceptance-tests/pom.xml name
# the same ports in the Redisson files they make from docs/redis. Servers keep nothing on disk; each runs in a working
# directory of its own under acceptance-tests/target/redis-<topology>/<port>, with its log and pid file there.
# start.sh starts them; restart.sh starts one data server again, with the same arguments, after a test killed it.

TOPOLOGIES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ACCEPTANCE_DIR=$(dirname "$TOPOLOGIES_DIR")
REPO_DIR=$(dirname "$ACCEPTANCE_DIR")

# Cluster: three masters, each with one replica (which is whose is decided by redis-cli --cluster create).
CLUSTER_PORTS=(17300 17301 17302 17303 17304 17305)
# Sentinel: a master and its replica, both with min-replicas-to-write 1 (docs/redis/sentinel.yaml), watched by three
# sentinels under the master name the Redisson file names.
SENTINEL_DATA_PORTS=(17400 17401)
SENTINEL_PORTS=(17500 17501 17502)
MASTER_NAME=wearables

topology_usage() {
  echo "usage: $(basename "$0") cluster|sentinel" >&2
  exit 2
}

# Refuses anything but the two topologies' names.
topology_check() {
  case "${1:-}" in
    cluster | sentinel) ;;
    *) topology_usage ;;
  esac
}

topology_dir() {
  echo "$ACCEPTANCE_DIR/target/redis-$1"
}

# Every port of a topology: the sentinels first, so that none of them fails a master over while it is shut down.
topology_ports() {
  if [ "$1" = cluster ]; then
    echo "${CLUSTER_PORTS[@]}"
  else
    echo "${SENTINEL_PORTS[@]}" "${SENTINEL_DATA_PORTS[@]}"
  fi
}

# The arguments a data server of the topology is started with besides the common ones (data_server), one a line.
data_server_arguments() {
  local topology=$1 port=$2
  if [ "$topology" = cluster ]; then
    printf '%s\n' --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000
  else
    printf '%s\n' --min-replicas-to-write 1 --min-replicas-max-lag 10
    if [ "$port" = "${SENTINEL_DATA_PORTS[1]}" ]; then
      printf '%s\n' --replicaof 127.0.0.1 "${SENTINEL_DATA_PORTS[0]}"
    fi
  fi
}

# data_server TOPOLOGY PORT: starts a data server in its directory, which it keeps (a cluster node's nodes.conf is
# there): loopback only, daemonized, nothing written to disk, no waits on sync or shutdown.
data_server() {
  local topology=$1 port=$2 dir arguments
  dir="$(topology_dir "$topology")/$port"
  mapfile -t arguments < <(data_server_arguments "$topology" "$port")
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir" \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no \
    --repl-diskless-sync-delay 0 --shutdown-timeout 0 "${arguments[@]}"
}

cli() {
  local port=$1
  shift
  redis-cli -h 127.0.0.1 -p "$port" "$@"
}

listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# One field of a server's INFO (e.g. role, master_link_status), without the reply's carriage returns.
info_field() {
  cli "$1" info replication 2>/dev/null | tr -d '\r' | sed -n "s/^$2://p"
}

# await DESCRIPTION SECONDS COMMAND…: runs the command every tenth of a second until it succeeds.
await() {
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$what: not within $seconds s" >&2
      return 1
    fi
    sleep 0.1
  done
}
