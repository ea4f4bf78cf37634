// `npm test`: the whole suite, in the order a failure is cheapest to find —
// lint, typechecks, builds, vitest (unit, integration, contract against the
// simulator), Playwright (e2e in Chromium against the simulator, the Electron
// suite), then against real Odoo 18, 17 and 19 (the contract suite and the
// real-server e2e, see real-odoo-steps.mjs), the package check and the Electron
// security scan. Every step runs even after a failure, so one run reports
// everything; the last line sums the test runners' JSON reports:
// `N passed, N failed, N skipped` (a failed non-test step counts as one failure,
// and so does a real-server setup that should have worked).
//   node scripts/test-all.mjs [step names…]   only those steps (e.g. contract:odoo-18)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { VERSIONS } from './odoo-servers.mjs';
import { contractTestCount, realServers, stepsFor, stopIfStartedHere, withoutRealServer } from './real-odoo-steps.mjs';

const began = Date.now();
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const resultsDir = 'test-results';
mkdirSync(resultsDir, { recursive: true });
const vitestReport = `${resultsDir}/vitest.json`;
const playwrightReport = `${resultsDir}/playwright.json`;
for (const version of VERSIONS) for (const kind of ['vitest', 'playwright']) rmSync(`${resultsDir}/${kind}-odoo-${version}.json`, { force: true });
for (const report of [vitestReport, playwrightReport]) rmSync(report, { force: true });

// Only the real-server steps see a real server's variables, whatever the shell exports.
const simulatorEnv = withoutRealServer(process.env);
const beforeRealServers = [
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'typecheck:node', command: ['npx', 'tsc', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck:web', command: ['npx', 'tsc', '-p', 'tsconfig.web.json'] },
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  { name: 'build:harness', command: ['npx', 'vite', 'build', '--config', 'vite.harness.config.ts'] },
  {
    name: 'vitest',
    kind: 'vitest',
    report: vitestReport,
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  },
  { name: 'playwright', kind: 'playwright', report: playwrightReport, command: ['npx', 'playwright', 'test', '--project=e2e', '--project=electron'] },
];
const afterRealServers = [
  { name: 'package:check', command: ['npm', 'run', '--silent', 'package:check'] },
  { name: 'audit:electron', command: ['npm', 'run', '--silent', 'audit:electron'] },
];

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
const timings = [];

function runStep(step) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  // A real-server step adds its server's variables; every other step sees none.
  const result = spawnSync(step.command[0], step.command.slice(1), { stdio: 'inherit', env: { ...simulatorEnv, ...step.env } });
  const seconds = (Date.now() - started) / 1000;
  timings.push([step.name, seconds]);
  const ok = result.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds.toFixed(1)}s`);
  if (step.report) {
    const report = existsSync(step.report) ? readJson(step.report) : null;
    const counts = report ? (step.kind === 'vitest' ? vitestCounts(report) : playwrightCounts(report)) : null;
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

function setupFailure(message) {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\nSETUP FAILURE: ${message}\n${bar}`);
  total.failed += 1;
  failedSteps.push('real-odoo-setup');
}

for (const step of beforeRealServers.filter((step) => wanted(step.name))) runStep(step);

const realStepNames = VERSIONS.flatMap((version) => [`contract:odoo-${version}`, `e2e:odoo-${version}`]);
if (realStepNames.some(wanted)) {
  console.log('\n=== real Odoo servers');
  const started = Date.now();
  const plan = await realServers();
  timings.push(['real Odoo servers: start', (Date.now() - started) / 1000]);
  console.log(plan.note);
  if (plan.setupFailure) setupFailure(plan.setupFailure);
  try {
    for (const version of VERSIONS) {
      const server = plan.servers.find((candidate) => String(candidate.version) === version) ?? null;
      if (!server && wanted(`contract:odoo-${version}`)) total.skipped += contractTestCount();
      for (const step of stepsFor(version, server, resultsDir).filter((step) => wanted(step.name))) runStep(step);
    }
  } finally {
    const stopping = Date.now();
    await stopIfStartedHere(plan);
    if (plan.startedHere) timings.push(['real Odoo servers: stop', (Date.now() - stopping) / 1000]);
  }
}

for (const step of afterRealServers.filter((step) => wanted(step.name))) runStep(step);

console.log('\nTimes:');
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${'total'.padEnd(28)} ${((Date.now() - began) / 1000).toFixed(1).padStart(7)} s`);
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length || total.failed ? 1 : 0);
