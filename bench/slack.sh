#!/usr/bin/env bash
# Signed /ail slash-command acks per second and p99 latency through the Slack front end (signature check, Bolt,
# the throttle, the command layer), next to GET /healthz on the same server: the built jar runs as its own process
# (embedded PostgreSQL, -Xmx256m) and bench/SlackBench.java drives it from a separate JVM over 50 connections.
# Prints both endpoints and /ail help schedule (a command that reads the person), the ratio, p99 and CPU per
# request, then stops the service and exits.
# Usage: bench/slack.sh [seconds-per-phase [connections]]   (defaults 10 and 50; about a minute and a half)
# AIL_BENCH_JVM_OPTS adds JVM options to the service (e.g. -XX:StartFlightRecording=filename=/tmp/slack.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -o package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx256m bench/SlackBench.java target/ail.jar "$@"
