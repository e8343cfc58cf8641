#!/usr/bin/env bash
# Publishing throughput and dispatch lag with 1 and 2 engine instances against a loopback webhook answering in 50 ms.
# Usage: bench/engine.sh [burst-size]   (default 600; takes about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
exec java -cp target/ail.jar bench/EngineBench.java "$@" 2> >(grep -v -E ' (INFO|DEBUG) ' >&2)
