#!/usr/bin/env bash
# End to end from the intake's 202 to the SSE event on reporting's GET /api/v1/live (docs/benchmarks.md,
# "End to end: intake 202 → SSE"): starts a devstack of its own (./kinetz up, port offset 3000, a fresh data
# folder), loads it with single-activity POSTs at fixed rates and measures, in the same run, Kafka's own
# EndToEndLatency (separate JVM, same broker) as the reference, and the heap and RSS of every process.
# Not a test; prints Markdown tables and writes them to services/reporting/target/benchmark-latency.md.
#
#   services/reporting/latency-benchmark.sh [name=value ...]
#       rates=100,1000 seconds=30 warmup=30 e2eMessages=5000 sseClients=0 sseRate=100
#
# The intake's per-client rate limit (20 requests/s, burst 40) would answer most of 1,000 single-activity
# requests/s from one site 429; for this benchmark only it is raised through the environment of the devstack
# (KINETZ_INTAKE_RATELIMIT_PERSECOND / _BURST). Nothing else is configured differently from `./kinetz up`.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/reporting
data=${BENCH_DATA_DIR:-/tmp/bench-devstack}
offset=${BENCH_PORT_OFFSET:-3000}

# Kafka's tools in the version the service uses, off the service's class path (as benchmark.sh).
# The modules it stands on are installed first, so that this works on a fresh clone (as benchmark.sh).
./mvnw -q install -DskipTests -pl $module -am
./mvnw -q -pl $module test-compile
. services/reporting/kafka-tools-classpath.sh "$module"

# A devstack of its own, from a fresh data folder: the benchmark counts activities per cell from zero.
rm -rf "$data"
mkdir -p "$data"
log="$data.log"
KINETZ_INTAKE_RATELIMIT_PERSECOND=100000 KINETZ_INTAKE_RATELIMIT_BURST=100000 \
    setsid ./kinetz up --port-offset "$offset" --data-dir "$data" --store "${BENCH_STORE:-H2}" > "$log" 2>&1 &
stack=$!
stop() { kill -TERM -- "-$stack" 2>/dev/null || kill -TERM "$stack" 2>/dev/null || true; wait "$stack" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 600); do
    grep -q "KI-Netz ready" "$log" && break
    kill -0 "$stack" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
done
grep -q "KI-Netz ready" "$log" || { echo "devstack did not start, see $log"; exit 1; }

./kinetz token ki-05974 --port-offset "$offset" --data-dir "$data" | tail -n 1 > "$data/ki.token"
./kinetz token laki --port-offset "$offset" --data-dir "$data" | tail -n 1 > "$data/laki.token"

java -Xmx2g -cp "$module/target/test-classes" nrw.kinetz.reporting.live.LiveLatencyBenchmark \
    intake="http://127.0.0.1:$((8081 + offset))" reporting="http://127.0.0.1:$((8080 + offset))" \
    bootstrap="127.0.0.1:$((9092 + offset))" kiToken="$data/ki.token" lakiToken="$data/laki.token" \
    kafkaToolsClasspath="$kafka_tools_classpath" out="$module/target/benchmark-latency.md" "$@"
