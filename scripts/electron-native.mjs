// Builds better-sqlite3 for the installed Electron's ABI into
// .native/electron/<platform>-<arch>/better_sqlite3.node (and, for this machine's
// platform and arch, .native/electron/better_sqlite3.node for `npm start`). The app
// hands that file to better-sqlite3 as `nativeBinding`, so node_modules/better-sqlite3/build
// stays the Node build the tests use: the package is copied to a temporary folder
// and built there. Needs internet (GitHub prebuilds, or Electron headers for node-gyp).
// Path convention shared with build/native-binding.ts.
//
//   node scripts/electron-native.mjs [--platform=linux|win32|darwin] [--arch=x64|arm64] [--verbose]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

const projectDir = process.cwd();
const option = (name, fallback) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const platform = option('platform', process.platform);
const arch = option('arch', process.arch);
const verbose = process.argv.includes('--verbose');

const readVersion = (pkg) =>
  JSON.parse(readFileSync(path.join(projectDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const electronVersion = readVersion('electron');
const sqliteVersion = readVersion('better-sqlite3');
const target = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`;

function run(command, args, cwd) {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd,
    stdio: verbose ? 'inherit' : 'ignore',
    timeout: 15 * 60 * 1000,
  });
  return result.status === 0;
}

/** A copy of the package without its build/ folder, so nothing in node_modules changes. */
function stagePackage(workDir) {
  const source = path.join(projectDir, 'node_modules', 'better-sqlite3');
  const staged = path.join(workDir, 'better-sqlite3');
  cpSync(source, staged, {
    recursive: true,
    filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
  });
  return staged;
}

/** Prebuilt binary first (fast, any platform); compile from source for this machine otherwise. */
function buildFor(staged) {
  const prebuild = path.join(projectDir, 'node_modules', 'prebuild-install', 'bin.js');
  const prebuilt = run(
    prebuild,
    ['--runtime=electron', `--target=${electronVersion}`, `--platform=${platform}`, `--arch=${arch}`, '--verbose'],
    staged,
  );
  if (prebuilt) return true;
  if (platform !== process.platform) return false; // node-gyp cannot cross-compile
  const nodeGyp = path.join(projectDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return run(
    nodeGyp,
    [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
      // Electron's headers are kept apart from Node's, as @electron/rebuild does.
      `--devdir=${path.join(homedir(), '.electron-gyp')}`,
    ],
    staged,
  );
}

const workDir = mkdtempSync(path.join(tmpdir(), 'electron-native-'));
let code = 1;
try {
  const staged = stagePackage(workDir);
  const built = path.join(staged, 'build', 'Release', 'better_sqlite3.node');
  if (!buildFor(staged) || !existsSync(built)) {
    console.error(
      `electron-native: could not get ${target}: no prebuilt binary downloaded and no local build (offline? rerun with --verbose).`,
    );
  } else {
    const destination = path.join(projectDir, '.native', 'electron', `${platform}-${arch}`, 'better_sqlite3.node');
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(built, destination);
    if (platform === process.platform && arch === process.arch) {
      copyFileSync(built, path.join(projectDir, '.native', 'electron', 'better_sqlite3.node'));
    }
    console.log(`electron-native: ${target} written to ${path.relative(projectDir, destination)}`);
    code = 0;
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(code);
