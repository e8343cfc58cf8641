#!/usr/bin/env bash
# Signed /ail slash-command acks per second and p99 latency through the Slack front end (signature check, Bolt,
# the command layer), next to GET /healthz on the same server, with 50 concurrent clients on loopback.
# Usage: bench/slack.sh [seconds-per-phase]   (default 10; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -o package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx256m -cp target/ail.jar bench/SlackBench.java "$@"
