#!/usr/bin/env bash
# Issue 14.9: a video posted to three targets (X and two webhooks, fakes in their own process) with the service's
# JVM at -Xmx256m: peak heap and time from the command to the last target published, for a 1 MB baseline and the
# large video, in the same run. Usage: bench/media.sh [video-bytes]   (default 100000000; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    com.ailsocialautomation.bench.MediaBench "$@" 2> >(grep -v -E ' (INFO|DEBUG) ' >&2)
