#!/usr/bin/env bash
# The configuration lines a gateway needs for the conformance run, from gateway.env.template, on standard output:
#   CONFORMANCE_API_KEY=… CONFORMANCE_SECOND_API_KEY=… acceptance-tests/conformance/gateway-env.sh <simulators-address>
# <simulators-address>: the host or IP at which the gateway reaches the machine that runs the tests. The two keys are
# your choice (openssl rand -hex 32); only their SHA-256 goes into the output. Append the output to the deployment's
# own configuration (server.env, or the environment) and restart it; then run the conformance command with the same
# keys and address.
set -euo pipefail
address=${1:?usage: CONFORMANCE_API_KEY=… CONFORMANCE_SECOND_API_KEY=… $0 <simulators-address>}
: "${CONFORMANCE_API_KEY:?set CONFORMANCE_API_KEY to the key of project acme}"
: "${CONFORMANCE_SECOND_API_KEY:?set CONFORMANCE_SECOND_API_KEY to the key of project globex}"
[[ $address =~ ^[A-Za-z0-9.:_-]+$ ]] || { echo "not a host or IP address: $address" >&2; exit 1; }
[[ $address == *:* ]] && address="[$address]" # an IPv6 address in a URL
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
grep -v '^#' "$(dirname "$0")/gateway.env.template" | sed \
  -e "s|@SIMULATORS@|$address|g" \
  -e "s|@ACME_API_KEY_SHA256@|$(sha "$CONFORMANCE_API_KEY")|" \
  -e "s|@GLOBEX_API_KEY_SHA256@|$(sha "$CONFORMANCE_SECOND_API_KEY")|"
