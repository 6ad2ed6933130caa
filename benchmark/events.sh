#!/usr/bin/env bash
# Prints events through the outbox, in one run: the outbox table of an H2-file FHIR store (the gateway's default), each
# event recorded in its own step as a change records it, delivered signed (Standard Webhooks) over HTTP to a receiver
# in the same JVM that answers 204 at once, by one worker polling every [poll] ms. Figures: events recorded per second,
# events delivered per second over a burst (record to last arrival), and the time from an event's commit to its
# arrival at p50 and p99 over a paced stream. Nothing of Redis is used (one worker).
# Usage: benchmark/events.sh [burst] [paced per second] [paced seconds] [poll ms]      (defaults 2000 20 15 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl adapters-fhir,adapters-rest/platform-webhooks -am
mvn -B -q -f benchmark/events/pom.xml clean compile exec:java \
  -Dexec.args="${1:-2000} ${2:-20} ${3:-15} ${4:-100}" 2>&1 | grep -E '^(events|change|delivery)'
printf 'load_average                   %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
