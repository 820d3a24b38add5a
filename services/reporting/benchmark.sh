#!/usr/bin/env bash
# The reporting replay benchmark (docs/benchmarks.md, "Reporting"): replaying ki.activities.v1 into a new
# generation of the activities read model against, in the same run, Kafka's own ConsumerPerformance (separate
# process, same topic) and the store's raw unordered bulk writes of the same documents. Not a test; prints a
# Markdown table and writes it to services/reporting/target/benchmark-reporting.md.
#
#   services/reporting/benchmark.sh [events]        # default 50000
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/reporting
events=${1:-50000}

./mvnw -q install -DskipTests -pl $module -am
# Kafka's tools in the version the service uses, off the service's class path.
. services/reporting/kafka-tools-classpath.sh "$module"

./mvnw test -pl $module -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.events="$events" -Dbenchmark.kafkaToolsClasspath="$kafka_tools_classpath" \
    | grep -E '^\|' || true
