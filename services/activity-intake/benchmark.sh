#!/usr/bin/env bash
# The activity intake benchmark (docs/benchmarks.md, "Activity intake"): the intake over HTTP against, in the
# same run, Kafka's own ProducerPerformance (separate process, same payload, acks=all, idempotent) and the
# store's raw unordered bulk insert. Not a test; prints a Markdown table.
#
#   services/activity-intake/benchmark.sh [--store memory|h2] [--items 100000] [--rounds 3] [--clients 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/activity-intake
# The modules it stands on are installed first, so that this works on a fresh clone.
./mvnw -q install -DskipTests -pl infra/push-client,$module -am
./mvnw -q -Pbenchmark -pl infra/push-client,$module test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -Xmx6g -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/benchmark.classpath)" \
    nrw.kinetz.intake.benchmark.IntakeBenchmark "$@"
