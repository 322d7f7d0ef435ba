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
# Times in a fixed-size heap (no resizing between runs); memory, no-op and javac in a heap that grows as needed.
java -Xms1g -Xmx1g -cp "$cp" io.codextestgen.bench.GenerationBenchmark time "$spec"
java -Xmx1g -cp "$cp" io.codextestgen.bench.GenerationBenchmark memory "$spec" | tail -n +2
