#!/usr/bin/env bash
# Runs kiln's JMH benchmarks: bench/jmh.sh [JMH arguments, e.g. a benchmark regex or -f 2]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-home.sh"
(cd "$here" && mvn -q -B -DskipTests -pl bench -am install >&2)
exec "$JAVA_HOME/bin/java" -cp "$here/bench/target/classes:$here/bench/target/lib/*" org.openjdk.jmh.Main "$@"
