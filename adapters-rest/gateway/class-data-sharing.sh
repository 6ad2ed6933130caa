#!/usr/bin/env bash
# A class-data-sharing archive for the gateway's JVM: the classes one start loads (Liberty's, HAPI FHIR's, Hibernate's,
# the gateway's), written once by a training start, then mapped by every later start instead of read, verified and
# parsed again. Measured with benchmark/startup.sh (2 runs each, one quiet machine, 2026-12-01): ready after
# 37.6/35.4 s without, 33.2/32.7 s with; CPU to ready 61.8/61.1 s without, 54.6/54.7 s with.
#
# Usage: adapters-rest/gateway/class-data-sharing.sh <server directory> [off]
#   e.g. adapters-rest/gateway/class-data-sharing.sh adapters-rest/gateway/target/liberty/wlp/usr/servers/wearables
# The server must be stopped and configured (its server.env) as it will run: the script starts it once, waits until
# /health/ready answers UP (at http://127.0.0.1:${CDS_PORT:-9080}), stops it, which writes the archive, and from then on
# every start uses it. Run it again after every change of the WAR, of Liberty or of the JDK: classes that changed are
# then read as without an archive, and an archive of another JDK or Liberty is not used at all (the JVM checks), so a
# stale archive costs time, never correctness. "off" removes the archive and its options.
#
# The options go into the server's configDropins/overrides/jvm.options, which Liberty reads after the server's own
# jvm.options: a JDK 17 archive is written at the JVM's exit (-XX:ArchiveClassesAtExit), and Liberty's start runs a Java
# agent, which the JVM archives only with a diagnostic option (AllowArchivingWithJavaAgent).
set -euo pipefail
SERVER_DIR=${1:?usage: class-data-sharing.sh <server directory> [off]}
SERVER_DIR=$(cd "$SERVER_DIR" && pwd)
SERVER_NAME=$(basename "$SERVER_DIR")
WLP=$(cd "$SERVER_DIR/../../.." && pwd)
ARCHIVE=$SERVER_DIR/gateway-classes.jsa
OPTIONS=$SERVER_DIR/configDropins/overrides/jvm.options
PORT=${CDS_PORT:-9080}

if [ ! -x "$WLP/bin/server" ]; then
  echo "no Liberty installation above $SERVER_DIR" >&2
  exit 1
fi
if "$WLP/bin/server" status "$SERVER_NAME" >/dev/null 2>&1; then
  echo "the server $SERVER_NAME is running: stop it first" >&2
  exit 1
fi
rm -f "$ARCHIVE" "$OPTIONS"
if [ "${2:-}" = off ]; then
  echo "class-data sharing off for $SERVER_NAME"
  exit 0
fi

mkdir -p "$(dirname "$OPTIONS")"
printf -- '-XX:+UnlockDiagnosticVMOptions\n-XX:+AllowArchivingWithJavaAgent\n-XX:ArchiveClassesAtExit=%s\n' \
  "$ARCHIVE" >"$OPTIONS"
trap 'rm -f "$OPTIONS"' EXIT
echo "training start of $SERVER_NAME (the archive is written when it stops)..."
"$WLP/bin/server" start "$SERVER_NAME" >/dev/null
ready=
for _ in $(seq 1 3000); do
  if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.1
done
"$WLP/bin/server" stop "$SERVER_NAME" >/dev/null
if [ -z "$ready" ] || [ ! -s "$ARCHIVE" ]; then
  echo "no archive: the server did not become ready at http://127.0.0.1:$PORT (CDS_PORT), or the JVM wrote none" >&2
  echo "(its console.log says why)" >&2
  rm -f "$ARCHIVE"
  exit 1
fi
printf -- '-XX:+UnlockDiagnosticVMOptions\n-XX:+AllowArchivingWithJavaAgent\n-XX:SharedArchiveFile=%s\n' \
  "$ARCHIVE" >"$OPTIONS"
trap - EXIT
echo "archive of $(($(stat -c %s "$ARCHIVE") / 1048576)) MiB written to $ARCHIVE; every start of $SERVER_NAME maps it"
