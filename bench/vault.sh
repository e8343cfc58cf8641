#!/usr/bin/env bash
# Encrypt+decrypt operations per second of Vault (AES-256-GCM with associated data) and of Jasypt, one thread.
# Usage: bench/vault.sh [seconds-per-round]   (default 2; takes about half a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
exec java -cp target/ail.jar bench/VaultBench.java "$@"
