// `npm test`: the whole suite, in the order a failure is cheapest to find —
// lint, typechecks, builds, vitest (unit, integration, contract), Playwright
// (e2e in Chromium, the Electron suite), the package check and the Electron
// security scan. Every step runs even after a failure, so one run reports
// everything; the last line sums the test runners' JSON reports:
// `N passed, N failed, N skipped` (a failed non-test step counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const resultsDir = 'test-results';
mkdirSync(resultsDir, { recursive: true });
const vitestReport = `${resultsDir}/vitest.json`;
const playwrightReport = `${resultsDir}/playwright.json`;
for (const report of [vitestReport, playwrightReport]) rmSync(report, { force: true });

const steps = [
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'typecheck:node', command: ['npx', 'tsc', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck:web', command: ['npx', 'tsc', '-p', 'tsconfig.web.json'] },
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  { name: 'build:harness', command: ['npx', 'vite', 'build', '--config', 'vite.harness.config.ts'] },
  {
    name: 'vitest',
    report: vitestReport,
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  },
  { name: 'playwright', report: playwrightReport, command: ['npx', 'playwright', 'test'] },
  { name: 'package:check', command: ['npm', 'run', '--silent', 'package:check'] },
  { name: 'audit:electron', command: ['npm', 'run', '--silent', 'audit:electron'] },
].filter((step) => only.length === 0 || only.includes(step.name));

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestCounts(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.success === false && !report.numFailedTests ? 1 : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

const total = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  if (step.report) {
    const report = existsSync(step.report) ? readJson(step.report) : null;
    const counts = report ? (step.name === 'vitest' ? vitestCounts(report) : playwrightCounts(report)) : null;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      if (!ok && counts.failed === 0) total.failed += 1; // the runner failed outside any test
    } else {
      total.failed += 1; // no report at all: the runner itself broke
    }
  } else if (!ok) {
    total.failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length || total.failed ? 1 : 0);
