#!/usr/bin/env bash
# Installs the third-party servers some tests run against:
# - from the npm registry, into target/third-party (ignored by git): express-rate-limit behind Express
#   (ExpressRateLimitTest), the Prism mock server (PrismMockTest) and LoopBack 4's Todo example (LoopBackTodoApiTest);
# - from Debian's packages: the Prometheus Alertmanager (AlertmanagerApiTest), when it is not installed yet.
# Without them those tests abort, saying to run this script; with CI set they fail instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/third-party
npm install --no-save --no-audit --no-fund --no-package-lock --prefix target/third-party \
  express@5.2.1 express-rate-limit@8.7.5 @stoplight/prism-cli@5.14.2 @loopback/example-todo@6.0.0
if [ ! -x /usr/bin/prometheus-alertmanager ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus-alertmanager
fi
