#!/usr/bin/env bash
# Resolves the class path of Kafka's own tools (ConsumerPerformance, EndToEndLatency) in the Kafka version the
# service uses, from a throw-away pom under target/ (downloaded on first use), so the tools never reach the
# service's class path (docs/architecture.md#infrastructure). Run by `./kinetz bench` (or sourced); sets $kafka_tools_classpath and writes the class path to <module>/target/kafka-tools/classpath.
#   . services/reporting/kafka-tools-classpath.sh <module>
kafka_tools_module=$1
./mvnw -q -B -pl "$kafka_tools_module" dependency:build-classpath -Dmdep.outputFile="$PWD/$kafka_tools_module/target/service.classpath"
kafka_version=$(tr ':' '\n' < "$kafka_tools_module/target/service.classpath" | sed -n 's:.*/kafka-clients-\([0-9.]*\)\.jar$:\1:p' | head -n 1)
kafka_tools_dir=$kafka_tools_module/target/kafka-tools
mkdir -p "$kafka_tools_dir"
cat > "$kafka_tools_dir/pom.xml" <<POM
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
./mvnw -q -B -f "$kafka_tools_dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$PWD/$kafka_tools_dir/classpath"
kafka_tools_classpath="$PWD/$kafka_tools_dir/classpath"
