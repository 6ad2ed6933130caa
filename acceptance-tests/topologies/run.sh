#!/usr/bin/env bash
# The acceptance subset on a Redis topology: run.sh cluster|sentinel [more Maven arguments]
#
# Starts the topology (start.sh), builds the modules the acceptance tests need and runs the scenarios tagged @topology
# and the failover feature against two gateway instances on it (mvn verify -P redis-<topology>: the modules' own tests
# are left out, -Dtest=none; the acceptance run's Cucumber features are failsafe's), and stops the topology whatever
# happened (trap). Like every acceptance run it uses fixed ports and a fixed database: one at a time on a machine.
# Further arguments go to Maven, e.g. -o, or -Dcucumber.filter.name='…' for a part.
set -euo pipefail
source "$(dirname "$0")/topology.sh"
topology_check "${1:-}"
topology=$1
shift

trap 'bash "$TOPOLOGIES_DIR/stop.sh" "$topology"' EXIT
bash "$TOPOLOGIES_DIR/start.sh" "$topology"
cd "$REPO_DIR"
# Failsafe adds a run's results to the summary files an earlier run left (without clean): one failure would fail every
# later run on this checkout. Each run starts from none.
rm -rf "$ACCEPTANCE_DIR"/target/failsafe-reports*
mvn -B verify -pl acceptance-tests -am -P "redis-$topology" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
