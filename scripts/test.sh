#!/usr/bin/env bash
# Installs everything the tests need and runs all of them: type checks and lint, unit and
# integration tests (against a real OpenSSH sshd), and browser journeys (real Chromium).
# Works from a clean checkout on Debian with Node 20, as root (the tests create a local
# user for sshd to authenticate).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
bash scripts/install-node-deps.sh

npm run --silent build
npm run --silent check

mkdir -p .tmp/results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$PWD/.tmp/results/vitest.json" \
  || status=$?
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.tmp/results/playwright.json" \
  npx playwright test -c e2e/playwright.config.ts --reporter=list,json || status=$?

node scripts/summarise-tests.mjs .tmp/results/vitest.json .tmp/results/playwright.json || status=$?
exit "$status"
