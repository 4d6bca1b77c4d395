#!/bin/sh
# Runs the benchmark of docs/performance.md against the packaged product.
#
#   mvn -B -q package -DskipTests && platform/benchmarks/run.sh          # full run, ~10 min
#   platform/benchmarks/run.sh smoke                                       # ~1 min, what CI runs
#
# Needs wrk, Node.js/npm (for the reference gateway; skipped without), Java 21+ (JAVA_HOME or PATH).
# Database: PM_BENCH_DB_URL (or PM_TEST_DB_URL), a JDBC URL of a PostgreSQL user allowed to create
# databases, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; a fresh database is
# created and dropped. Unset: the product's embedded PostgreSQL.
# Results: platform/benchmarks/target/benchmark-result.json and benchmark-summary.md.
# Extra server JVM options: BENCH_SERVER_JAVA_OPTS; extra harness JVM options: BENCH_JAVA_OPTS (e.g.
# -Dbench.profile=true to add the JFR profile to a smoke run, -Dbench.skipPortkey=true).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

ZIP=$(ls "$ROOT"/distribution/target/prompt-manager-*.zip 2>/dev/null | head -n 1 || true)
JAR=$(ls "$HERE"/target/benchmarks-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$ZIP" ] || [ -z "$JAR" ] || [ ! -d "$HERE/target/lib" ]; then
    echo "Build first: mvn -B -q package -DskipTests (from $ROOT)" >&2
    exit 1
fi

# shellcheck disable=SC2086
exec "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$JAR:$HERE/target/lib/*" \
    -Dbench.zip="$ZIP" \
    -Dbench.out="$HERE/target" \
    -Dbench.cache="$HERE/target" \
    -Dbench.serverJavaOpts="${BENCH_SERVER_JAVA_OPTS:-}" \
    io.promptmanager.benchmarks.Benchmark "${1:-full}"
