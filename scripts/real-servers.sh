#!/usr/bin/env bash
# Runs the generated suites against the real third-party targets (Prism mocking the committed corpus specs,
# WireMock's admin API, the Prometheus Alertmanager, LoopBack 4's Todo example) and prints, per target: tests,
# passed, failed (false failures for Prism, and what its rules left uncounted; findings about the server for the
# others, each checked by hand and listed in the README).
# Installs the targets first (scripts/third-party.sh: npm, apt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/third-party.sh
log=target/real-servers.log
mkdir -p target
mvn -B -q install -DskipTests -Dinvoker.skip=true -pl codex-testgen-core -am > /dev/null
status=0
rm -rf codex-testgen-core/target/real-servers
mvn -B test -pl codex-testgen-core -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='PrismMockTest,WireMockAdminApiTest,AlertmanagerApiTest,LoopBackTodoApiTest' > "$log" 2>&1 || status=$?
echo "target | tests | passed | failed"
grep -E '^(Prism mock|WireMock [0-9.]+ admin API|Alertmanager [0-9.]+|LoopBack 4 Todo example [0-9.]+):' "$log"
grep -E '^Not counted, by rule:' "$log" || true
for triage in codex-testgen-core/target/real-servers/*-triage.md; do
  [ -f "$triage" ] || continue
  echo
  echo "== $(basename "$triage" -triage.md)"
  grep -E '^[0-9]+ tests?: |^### ' "$triage"
done
echo "(full output: $log)"
exit $status
