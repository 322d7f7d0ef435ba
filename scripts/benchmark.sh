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
cold=$(for run in 1 2 3; do
  mode=cold-parser lines=1 bench -Xmx1g
  mode=cold-generator lines=1 bench -Xmx1g
done)
echo "$cold" | awk '
  /swagger-parser/ { gsub(",", "", $3); p = (p == "" || $3 + 0 < p) ? $3 + 0 : p; ps = ps " " $3 }
  /codex-testgen/ { gsub(",", "", $3); g = (g == "" || $3 + 0 < g) ? $3 + 0 : g; gs = gs " " $3 }
  END {
    printf "cold (first run in a fresh JVM, three JVMs each):\n"
    printf "swagger-parser parse+resolve %s ms\n", ps
    printf "codex-testgen end to end     %s ms\n", gs
    printf "ratio of the best            %.2f\n", g / p
  }'
mode=memory lines=+2 bench -Xmx1g
