#!/usr/bin/env bash
# AIL's publishing engine next to its ceiling (a bare db-scheduler task making the same webhook call with the same
# threads) against a loopback webhook answering in 50 ms: burst lag, sustained rate with 1 and 2 instances, steady
# lag, CPU per target and heap, all in one run, at the service's -Xmx256m; then 1 and 2 instances as processes of the
# built jar, each limited to a quarter of the cores (BENCH_INSTANCE_CPUS) by a cgroup CPU quota, which needs root.
# Usage: bench/engine.sh [burst-size] [sustained-batch]   (defaults 600 and 3000; about five minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -ntp -q -o package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx256m -cp target/ail.jar bench/EngineBench.java "$@" 2> >(grep -v -E ' (INFO|DEBUG) ' >&2)
