#!/usr/bin/env bash
# Cold start of the built jar to /readyz on an existing data directory (the embedded PostgreSQL already initialised),
# at -Xmx256m: one first start to create the directory, then three timed starts, each stopped with SIGTERM. Prints
# each time, the slowest, its ratio to the same run's bare JVM start, and the start-up log's own phase times. Usage: bench/start.sh   (about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -o package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
data=$(mktemp -d /tmp/ail-start-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pid=
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$data"; }
trap cleanup EXIT

# Starts the jar, waits for /readyz (at most 120 s), prints the milliseconds it took, stops it.
start_once() {
  local t0 t1
  t0=$(date +%s%N)
  AIL_DATA_DIR="$data" AIL_PORT="$port" java -Xmx256m -jar target/ail.jar serve >"$data/log.txt" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "AIL exited during start:" >&2; tail -5 "$data/log.txt" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 120000 ]; then echo "no /readyz within 120 s" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
  kill -TERM "$pid"; wait "$pid" || true; pid=
}

# The same run's baseline: the same JVM and jar started at -Xmx256m to print help and exit, i.e. what any start costs
# before AIL does its own work (PostgreSQL, migrations, clients, the web server).
bare_once() {
  local t0 t1
  t0=$(date +%s%N)
  java -Xmx256m -jar target/ail.jar help >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
bare=$(bare_once)
for i in 1 2; do b=$(bare_once); [ "$b" -lt "$bare" ] && bare=$b; done
echo "baseline: the JVM and jar alone (help, then exit), fastest of three: $bare ms"

first=$(start_once)
echo "first start (creates the data directory): $first ms"
slowest=0
for i in 1 2 3; do
  ms=$(start_once)
  echo "start $i on the existing data directory: $ms ms to /readyz"
  [ "$ms" -gt "$slowest" ] && slowest=$ms
  grep -o 'Start took .*' "$data/log.txt" | sed 's/^/  log: /' || true
done
echo "slowest cold start to /readyz: $slowest ms (must be < 5000)"
awk -v s="$slowest" -v b="$bare" 'BEGIN { printf "ratio: cold start / bare JVM start = %.1f\n", s / b }'
