// How the desktop app is launched in development, shared by `npm start`
// (scripts/start.ts) and the Electron test suite (tests/electron/support/launch.ts),
// so that both run the same app the same way (issue 19, findings 1 and 6):
// - Electron is given the project folder, as `electron .` does, never
//   out/main/index.js (which would go through Electron's default app with the
//   app path set to out/main);
// - every tool runs as `node <its JS entry>`, never through npx or a shell:
//   on Windows npx is npx.cmd, which Node refuses to spawn without a shell since
//   the CVE-2024-27980 fix, and a shell would re-parse the arguments;
// - the Electron-ABI build of better-sqlite3 is made first when missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronNativeBindingFor } from './native-binding';

export interface Command {
  command: string;
  args: string[];
}

/** What Electron is given as its app: the project folder (app.getAppPath() is then the project). */
export function electronAppArgs(projectDir: string): string[] {
  return [path.resolve(projectDir)];
}

/** `electron-vite build`, run by this Node on electron-vite's own bin script. */
export function electronViteBuild(projectDir: string, nodePath: string = process.execPath): Command {
  const require = createRequire(path.join(projectDir, 'package.json'));
  const manifest = require.resolve('electron-vite/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin['electron-vite']!;
  return { command: nodePath, args: [path.join(path.dirname(manifest), bin), 'build'] };
}

/** Builds better-sqlite3 for Electron's ABI (scripts/electron-native.mjs, needs internet). */
export function electronNativeBuild(projectDir: string, nodePath: string = process.execPath): Command {
  return { command: nodePath, args: [path.join(projectDir, 'scripts', 'electron-native.mjs')] };
}

export function needsElectronNativeBuild(projectDir: string, platform: string = process.platform, arch: string = process.arch): boolean {
  return !existsSync(electronNativeBindingFor(projectDir, platform, arch));
}

/** Runs a command in the project without a shell; throws with its exit code when it fails. */
export function runInProject(projectDir: string, { command, args }: Command): void {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.map((arg) => path.basename(arg)).join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
  }
}

/** The Electron-ABI SQLite module, built when missing; never touches node_modules' Node build. */
export function prepareElectronNativeModule(projectDir: string): void {
  if (needsElectronNativeBuild(projectDir)) runInProject(projectDir, electronNativeBuild(projectDir));
}
