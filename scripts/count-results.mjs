// Adds up the checks and both runners' JSON reports into the one closing line CI reads:
// `N passed, N failed`. A missing or unreadable report counts as a failure, never as success.
import { readFileSync } from 'node:fs';

const [checksPassed, checksFailed, vitestPath, playwrightPath] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.error(`no report at ${path}: counted as one failure`);
    failed += 1;
    return null;
  }
}

const vitest = read(vitestPath);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0) failed += 1;
}

const flaky = [];
function walkSuites(suites) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const status = test.status;
        if (status === 'flaky') flaky.push(`${spec.file}:${spec.line} ${spec.title}`);
        if (status === 'expected' || status === 'flaky') passed += 1;
        else if (status !== 'skipped') failed += 1;
      }
    }
    walkSuites(suite.suites);
  }
}
const playwright = read(playwrightPath);
if (playwright) {
  walkSuites(playwright.suites);
  if ((playwright.errors ?? []).length > 0) failed += playwright.errors.length;
}

for (const name of flaky) console.log(`flaky (passed on its retry): ${name}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
