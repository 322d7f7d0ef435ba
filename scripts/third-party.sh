#!/usr/bin/env bash
# Installs the third-party servers some tests run against, from the npm registry, into target/third-party
# (ignored by git): express-rate-limit behind Express (ExpressRateLimitTest). Without them those tests abort,
# saying to run this script; with CI set they fail instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/third-party
npm install --no-save --no-audit --no-fund --no-package-lock --prefix target/third-party \
  express@5.2.1 express-rate-limit@8.7.5
