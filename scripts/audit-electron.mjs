// Static security scan of the main process and preload with Electronegativity
// (issue 7, `npm run audit:electron`, runs in CI). Fails on any HIGH finding and
// on any MEDIUM finding not listed, with its reason, in electronegativity.accepted.md.
// LOW and informational findings are printed, never fatal.
//
//   node scripts/audit-electron.mjs
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const projectDir = process.cwd();
const scanned = ['src-main', 'src-preload'];
const acceptedFile = 'electronegativity.accepted.md';
// This check asks GitHub for newer Electron releases: its answer depends on the
// day and on network access, not on our code. Electron upgrades are tracked apart.
const excluded = ['AvailableSecurityFixesGlobalCheck'];

/** Rows of the accepted file's table: `| CHECK_ID | file (or N/A) | reason |`. */
export function parseAccepted(markdown) {
  const rows = [];
  for (const line of markdown.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim().replace(/^`|`$/g, ''));
    if (cells.length < 3 || !/^[A-Z0-9_]+$/.test(cells[0])) continue; // header, separator, prose
    if (!cells[2]) throw new Error(`${acceptedFile}: ${cells[0]} in ${cells[1]} has no reason`);
    rows.push({ id: cells[0], file: cells[1], reason: cells[2] });
  }
  return rows;
}

async function scan() {
  // Electronegativity scans one folder; stage the sources so paths read src-main/...
  const stage = mkdtempSync(path.join(tmpdir(), 'audit-electron-'));
  const require = createRequire(import.meta.url);
  const electronVersion = require(path.join(projectDir, 'node_modules', 'electron', 'package.json')).version;
  // Its locale loader fetches translations and logs when it can't; keep the output ours.
  const log = console.log;
  try {
    for (const dir of scanned) cpSync(path.join(projectDir, dir), path.join(stage, dir), { recursive: true });
    process.env.LANG = 'en-US';
    const run = require('@doyensec/electronegativity');
    console.log = () => {};
    return await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: excluded.map((check) => check.toLowerCase()),
    });
  } finally {
    console.log = log;
    rmSync(stage, { recursive: true, force: true });
  }
}

async function main() {
  const accepted = parseAccepted(readFileSync(path.join(projectDir, acceptedFile), 'utf8'));
  const result = await scan();
  const isAccepted = (issue) => accepted.some((row) => row.id === issue.id && row.file === issue.file);
  let failures = result.errors.filter((error) => !error.tolerable).length;
  for (const error of result.errors) console.log(`${error.tolerable ? 'WARN' : 'FAIL'}  cannot parse ${error.file}: ${error.message}`);

  for (const issue of result.issues) {
    const where = `${issue.file}${issue.location.line ? `:${issue.location.line}` : ''}`;
    const severity = issue.severity.name;
    let verdict = 'info';
    if (severity === 'HIGH') verdict = 'FAIL';
    else if (severity === 'MEDIUM') verdict = isAccepted(issue) ? 'accepted' : 'FAIL';
    if (verdict === 'FAIL') failures += 1;
    console.log(`${verdict.padEnd(8)} ${severity.padEnd(13)} ${issue.id}  ${where}${verdict === 'FAIL' ? `\n         ${issue.description}` : ''}`);
  }
  for (const row of accepted) {
    if (!result.issues.some((issue) => issue.id === row.id && issue.file === row.file)) {
      console.log(`note     ${acceptedFile} lists ${row.id} in ${row.file}, which is no longer found: remove it`);
    }
  }
  const checks = result.globalChecks + result.atomicChecks;
  console.log(
    failures === 0
      ? `audit:electron: PASS (${checks} checks over ${scanned.join(', ')}; ${result.issues.length} findings, none unaccepted)`
      : `audit:electron: FAIL (${failures} HIGH or unaccepted MEDIUM findings)`,
  );
  return failures === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`audit:electron: FAIL (${error instanceof Error ? error.message : String(error)})`);
      process.exit(1);
    },
  );
}
