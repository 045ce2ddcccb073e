#!/usr/bin/env bash
# Every test of the project, in one command (`npm test`):
#   typecheck (three tsconfigs), the layering rule (dependency-cruiser), Vitest (unit, property,
#   golden scenarios through the CLI, conformance against the real kernel when run as root on
#   Linux), and Playwright end-to-end tests in Chromium (Debian's, else Playwright's own). With no
#   Chromium at all the end-to-end part is skipped with one line saying what to install (and
#   counted as one failure); everything else still runs.
# Ends with one line `N passed, N failed` counted from the runners' JSON reports; exits non-zero
# if anything failed or a runner produced no report.
set -u
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

checks_passed=0
checks_failed=0
check() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "!! $name failed"; fi
}

check "typecheck" npm run --silent typecheck
check "layering (dependency-cruiser)" npm run --silent lint:deps
echo "== unit, property, scenario and conformance tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
echo "== end-to-end tests (playwright)"
if browser=$(node scripts/chromium.mjs); then
  echo "in $browser"
  npx playwright test
else
  # no report: count-results.mjs counts the missing end-to-end part as one failure
  echo "!! end-to-end tests skipped: $browser"
fi

node scripts/count-results.mjs "$checks_passed" "$checks_failed" reports/vitest.json reports/playwright.json
