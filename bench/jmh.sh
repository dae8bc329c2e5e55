#!/usr/bin/env bash
# JMH benchmarks of src/test/java/org/trdcds/bench (run on demand; surefire never runs *Benchmark*):
#   DecisionBenchmark   facts -> findings -> cards, pv-candidate and the largest Synthea patient
#   RequestBenchmark    request bytes -> response JSON in process, against HAPI's parse of the same prefetch JSON
#   FetchModeBenchmark  no-prefetch call against a FHIR server delaying 20 ms, against the slowest query chain
# Usage: bench/jmh.sh [benchmark regexps and other JMH options]   e.g. bench/jmh.sh Decision   or   bench/jmh.sh -l
# JMH_OPTS (default "-f 1 -wi 5 -w 1s -i 10 -r 1s -t 1", sized for 2 cores) sets forks, iterations and threads.
# Results go to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
mkdir -p bench-results
out=bench-results/jmh-$(date -u +%Y%m%dT%H%M%SZ).txt
echo "load before: $(uptime)" | tee "$out"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  ${JMH_OPTS:--f 1 -wi 5 -w 1s -i 10 -r 1s -t 1} -jvmArgs "-Xms512m -Xmx1g" "$@" | tee -a "$out"
echo "load after: $(uptime)" | tee -a "$out"
