#!/usr/bin/env bash
# Speed and memory on the largest common API: the GitHub REST API spec (@octokit/openapi, about 1,200
# operations, 13 MB), fetched from the npm registry into target/. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=codex-testgen-core/target/bench
mkdir -p "$bench"
if [ ! -f "$bench/package/generated/api.github.com.json" ]; then
  (cd "$bench" && npm pack @octokit/openapi@23.0.2 --silent >/dev/null && tar xzf octokit-openapi-23.0.2.tgz)
fi
mvn -B -q install -DskipTests -Dinvoker.skip -pl codex-testgen-core -am
mvn -B -q -pl codex-testgen-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/cp.txt
cp="codex-testgen-core/target/test-classes:codex-testgen-core/target/classes:$(cat "$bench/cp.txt")"
spec="$bench/package/generated/api.github.com.json"
bench() { java "$@" -cp "$cp" io.codextestgen.bench.GenerationBenchmark "$mode" "$spec" | tail -n "$lines"; }
# Warm times in a fixed-size heap (no resizing between runs); cold runs, memory, no-op and javac in a heap that
# grows as needed, as a build has it.
mode=time lines=+1 bench -Xms1g -Xmx1g
# First runs in fresh JVMs, three each, as a build that generates once has them: with the JVM's defaults, and
# with the C1 compiler only (C2's compiler threads compete with the work for the two cores of a cold run).
cold() {
  label=$1
  shift
  for run in 1 2 3; do
    mode=cold-parser lines=1 bench "$@"
    mode=cold-generator lines=1 bench "$@"
  done | awk -v label="$label" '
    /swagger-parser/ { gsub(",", "", $3); p = (p == "" || $3 + 0 < p) ? $3 + 0 : p; ps = ps " " $3 }
    /codex-testgen/ { gsub(",", "", $3); g = (g == "" || $3 + 0 < g) ? $3 + 0 : g; gs = gs " " $3 }
    END {
      printf "cold, %s (first run in a fresh JVM, three JVMs each):\n", label
      printf "swagger-parser parse+resolve %s ms\n", ps
      printf "codex-testgen end to end     %s ms\n", gs
      printf "ratio of the best            %.2f\n", g / p
    }'
}
cold "JVM defaults" -Xmx1g
cold "-XX:TieredStopAtLevel=1" -Xmx1g -XX:TieredStopAtLevel=1
mode=memory lines=+2 bench -Xmx1g
