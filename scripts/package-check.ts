// The package check (issue 7, `npm run package:check`, runs in CI): packages the
// built app with electron-builder `--dir --linux` against a stand-in Electron
// distribution (Electron cannot be downloaded here), then opens app.asar and
// asserts what ships. Fuses, the native rebuild and the native-binding guard are
// left out for this run only; everything else is the real electron-builder.config.ts.
//
//   npx tsx scripts/package-check.ts [--project <dir>] [--keep]
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, Platform, build, type Configuration, type FileSet } from 'electron-builder';
import builderConfig from '../electron-builder.config';
import { packagedNativeBinding } from '../build/native-binding';
import { ENTRY_PATH, PROXY_COOKIE_PREFIX } from '../tests/support/harness/view-proxy-access';
import { POLICY_BYPASS_HEADER } from '../tests/support/harness/view-proxy-bypass';

interface Outcome {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const args = process.argv.slice(2);
const projectDir = path.resolve(valueOf('--project') ?? process.cwd());
const keep = args.includes('--keep');
interface PackageManifest {
  readonly main: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}
const packageJson = readManifest(projectDir);

function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

function valueOf(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

function ensureBuilt(): void {
  if (existsSync(path.join(projectDir, packageJson.main))) return;
  console.log(`${packageJson.main} is missing: running electron-vite build`);
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}

function installedElectronVersion(): string {
  const file = path.join(projectDir, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * An unpacked "Electron" for a Linux `dir` build. electron-builder needs only the
 * `electron` executable, which it renames to the app's (found by trying); the
 * version and licence files make the output folder look like a real one.
 */
/** Node's lookup: the nearest node_modules/<name> from `fromDir` up to the project. */
function resolvePackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; dir.startsWith(projectDir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir) break;
  }
  return null;
}

/** Names of every installed package production code can reach from package.json. */
function productionClosure(): Set<string> {
  const names = new Set<string>();
  const pending: Array<[string, string]> = Object.keys(packageJson.dependencies ?? {}).map((name) => [name, projectDir]);
  const seen = new Set<string>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [name, fromDir] = next;
    const dir = resolvePackageDir(name, fromDir);
    if (!dir || seen.has(dir)) continue; // an optional dependency not installed here
    seen.add(dir);
    names.add(name);
    const manifest = readManifest(dir);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) pending.push([dep, dir]);
  }
  return names;
}

function createStandInElectron(workDir: string, version: string): string {
  const dist = path.join(workDir, 'electron-dist');
  mkdirSync(path.join(dist, 'resources'), { recursive: true });
  const executable = path.join(dist, 'electron');
  writeFileSync(executable, '#!/bin/sh\necho "stand-in Electron for the package check; it cannot run the app" >&2\nexit 1\n');
  chmodSync(executable, 0o755);
  writeFileSync(path.join(dist, 'version'), version);
  writeFileSync(path.join(dist, 'LICENSE'), 'Stand-in for the Electron licence.\n');
  writeFileSync(path.join(dist, 'LICENSES.chromium.html'), '<p>Stand-in for the Chromium licences.</p>\n');
  return dist;
}

/** A placeholder for the Electron-ABI better-sqlite3, so the extraResources rule is exercised. */
function createStandInNativeBinding(workDir: string): string {
  const file = path.join(workDir, 'native', 'better_sqlite3.node');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'stand-in native binding\n');
  return file;
}

/** The real extraResources, with the stand-in in place of the Electron-ABI binding. */
function withStandInBinding(nativeBinding: string): FileSet[] {
  const resources = (builderConfig.extraResources ?? []) as FileSet[];
  return resources.map((entry) => (entry.to === packagedNativeBinding ? { ...entry, from: nativeBinding } : entry));
}

function checkConfig(electronDist: string, nativeBinding: string, outputDir: string, version: string): Configuration {
  return {
    ...builderConfig,
    electronVersion: version,
    electronDist,
    electronFuses: null, // the stand-in has no fuse wire to flip
    npmRebuild: false, // never replace the Node build of better-sqlite3 the tests use
    beforePack: null, // the real guard wants the Electron-ABI build, which needs internet
    extraResources: withStandInBinding(nativeBinding),
    directories: { ...builderConfig.directories, output: outputDir },
    linux: { ...builderConfig.linux, target: 'dir' },
  };
}

function hostArch(): Arch {
  return process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
}

/** A source map of ours whose sources point into tests/ (harness, simulator). */
function mapsTestCode(asar: string, entry: string): boolean {
  try {
    const map = JSON.parse(extractFile(asar, entry.slice(1)).toString('utf8')) as { sources?: unknown };
    const sources = Array.isArray(map.sources) ? map.sources.map(String) : [];
    return sources.some((source) => /(^|\/)tests\/|harness|simulator/i.test(source));
  } catch {
    return /tests\/|harness|simulator/i.test(entry); // unreadable map: judge by its name
  }
}

/** Bare package names the bundled main process and preload load at run time. */
function runtimeImports(asar: string, entries: string[]): Set<string> {
  // Static imports at the start of a line (how the bundles are written), dynamic
  // import() and require(): never "from" inside SQL or message text.
  const specifier = /^\s*import\s[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/gm;
  const packageName = /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/;
  const names = new Set<string>();
  for (const entry of entries.filter((file) => /^\/out\/(main|preload)\/.*\.(c|m)?js$/.test(file))) {
    for (const match of extractFile(asar, entry.slice(1)).toString('utf8').matchAll(specifier)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec || spec.startsWith('.') || spec.startsWith('node:') || spec === 'electron') continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (packageName.test(name) && !builtinModules.includes(name)) names.add(name);
    }
  }
  return names;
}

function inspectPackage(appOutDir: string): Outcome[] {
  const resources = path.join(appOutDir, 'resources');
  const asar = path.join(resources, 'app.asar');
  if (!existsSync(asar)) return [{ name: 'app.asar exists', ok: false, detail: asar }];

  const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
  const has = (file: string): boolean => entries.includes(`/${file.replace(/^\.?\//, '')}`);
  const own = entries.filter((entry) => !entry.startsWith('/node_modules/'));
  const outcomes: Outcome[] = [];

  outcomes.push({ name: `main entry ${packageJson.main} is packaged`, ok: has(packageJson.main) });
  outcomes.push({ name: 'preload out/preload/index.cjs is packaged', ok: has('out/preload/index.cjs') });
  outcomes.push({ name: 'renderer out/renderer/index.html is packaged', ok: has('out/renderer/index.html') });

  const testFiles = own.filter((entry) => /^\/tests\/|harness|simulator/i.test(entry));
  outcomes.push({ name: 'no file from tests/ (harness, simulator)', ok: testFiles.length === 0, detail: testFiles.slice(0, 5).join(', ') });

  // The harness's view proxy (tests/support/harness/view-proxy*.ts) acts as the impersonated
  // user for development: no packaged file may carry it. Its one path and its cookie's
  // name are in every build of it.
  const readable = own.filter((entry) => /\.(c|m)?js$|\.html$|\.json$/.test(entry));
  const carrying = (markers: string[]) => readable.filter((entry) => markers.some((marker) => extractFile(asar, entry.slice(1)).toString('utf8').includes(marker)));
  const withProxy = carrying([ENTRY_PATH, PROXY_COOKIE_PREFIX]);
  outcomes.push({ name: "no code of the harness's view proxy", ok: withProxy.length === 0, detail: withProxy.join(', ') });
  // Its test-only hole in the view's policy (view-proxy-bypass.ts) names its header wherever it is built in.
  const withBypass = carrying([POLICY_BYPASS_HEADER]);
  outcomes.push({ name: "no test-only bypass of the view's policy", ok: withBypass.length === 0, detail: withBypass.join(', ') });

  const mapsOfTests = own.filter((entry) => entry.endsWith('.map')).filter((entry) => mapsTestCode(asar, entry));
  outcomes.push({ name: 'no source map of tests, harness or simulator', ok: mapsOfTests.length === 0, detail: mapsOfTests.join(', ') });

  const nativeModule = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const unpackedFlag = has(nativeModule) && 'unpacked' in statFile(asar, nativeModule) && statFile(asar, nativeModule).unpacked === true;
  const unpackedFile = existsSync(path.join(resources, 'app.asar.unpacked', nativeModule));
  outcomes.push({ name: `${nativeModule} sits in app.asar.unpacked`, ok: unpackedFlag && unpackedFile });

  outcomes.push({
    name: `Electron-ABI binding ships as resources/${packagedNativeBinding}`,
    ok: existsSync(path.join(resources, packagedNativeBinding)),
  });

  const missingDeps = [...productionClosure()].filter(
    (name) => !entries.some((entry) => entry.endsWith(`/node_modules/${name}/package.json`)),
  );
  outcomes.push({ name: 'every production dependency (transitive) is packaged', ok: missingDeps.length === 0, detail: missingDeps.join(', ') });

  const unpackagedImports = [...runtimeImports(asar, entries)].filter(
    (name) => !entries.includes(`/node_modules/${name}/package.json`),
  );
  outcomes.push({
    name: 'every package out/main and out/preload import is packaged',
    ok: unpackagedImports.length === 0,
    detail: unpackagedImports.join(', '),
  });

  const icons = ['icons/icon.png', 'icons/tray/tray-idle.png', 'icons/tray/tray-active@2x.png', 'icons/tray/tray-idleTemplate.png'];
  const missingIcons = icons.filter((icon) => !existsSync(path.join(resources, icon)));
  outcomes.push({ name: 'window and tray icons ship in resources/icons/', ok: missingIcons.length === 0, detail: missingIcons.join(', ') });

  const packaged = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
  outcomes.push({ name: 'packaged package.json has no devDependencies', ok: !('devDependencies' in packaged) });
  outcomes.push({ name: 'packaged package.json names the same main entry', ok: packaged.main === packageJson.main });
  return outcomes;
}

async function main(): Promise<number> {
  ensureBuilt();
  const workDir = mkdtempSync(path.join(tmpdir(), 'package-check-'));
  try {
    const version = installedElectronVersion();
    const electronDist = createStandInElectron(workDir, version);
    const nativeBinding = createStandInNativeBinding(workDir);
    const outputDir = path.join(workDir, 'release');
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', hostArch()),
      config: checkConfig(electronDist, nativeBinding, outputDir, version),
      publish: 'never',
    });
    const appOutDir = path.join(outputDir, hostArch() === Arch.arm64 ? 'linux-arm64-unpacked' : 'linux-unpacked');
    const outcomes = inspectPackage(appOutDir);
    for (const outcome of outcomes) {
      console.log(`${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.name}${!outcome.ok && outcome.detail ? ` (${outcome.detail})` : ''}`);
    }
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    console.log(failed === 0 ? 'package check: PASS' : `package check: FAIL (${failed} of ${outcomes.length})`);
    return failed === 0 ? 0 : 1;
  } finally {
    if (keep) console.log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`package check: FAIL (${error instanceof Error ? error.message : String(error)})`);
    process.exit(1);
  },
);
