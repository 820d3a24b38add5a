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

./mvnw -q install -DskipTests -pl shared-model,infra/embedded,infra/test-kit,infra/service-support
# The Kafka version Spring Boot manages, as the service uses it.
./mvnw -q -pl $module dependency:build-classpath -Dmdep.outputFile="$PWD/$module/target/service.classpath"
kafka_version=$(tr ':' '\n' < $module/target/service.classpath | sed -n 's:.*/kafka-clients-\([0-9.]*\)\.jar$:\1:p' | head -n 1)

# Kafka's tools stay off the service's class path (DESIGN.md §5): their class path is resolved from a
# throw-away pom under target/, downloaded on first use.
tools=$module/target/kafka-tools
mkdir -p "$tools"
cat > "$tools/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
    <modelVersion>4.0.0</modelVersion>
    <groupId>local</groupId>
    <artifactId>kafka-tools-classpath</artifactId>
    <version>1</version>
    <dependencies>
        <dependency>
            <groupId>org.apache.kafka</groupId>
            <artifactId>kafka-tools</artifactId>
            <version>$kafka_version</version>
        </dependency>
    </dependencies>
</project>
POM
./mvnw -q -f "$tools/pom.xml" dependency:build-classpath -Dmdep.outputFile="$PWD/$tools/classpath"

./mvnw test -pl $module -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.events="$events" -Dbenchmark.kafkaToolsClasspath="$PWD/$tools/classpath" \
    | grep -E '^\|' || true
