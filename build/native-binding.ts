// Where the Electron-ABI build of better-sqlite3 lives, shared by
// scripts/electron-native.mjs (writes it), the builder config (ships it) and the
// package check. node_modules/better-sqlite3/build stays the Node build the tests use.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Inside the packaged app: `process.resourcesPath/native/better_sqlite3.node`. */
export const packagedNativeBinding = 'native/better_sqlite3.node';

/** Per target, so a Mac can hold both the x64 and the arm64 build. */
export function electronNativeBindingFor(projectDir: string, platform: string, arch: string): string {
  return path.join(projectDir, '.native', 'electron', `${platform}-${arch}`, 'better_sqlite3.node');
}

/** Refuses to package an installer whose database would not open under Electron. */
export function assertElectronNativeBinding(projectDir: string, platform: string, arch: string): void {
  const file = electronNativeBindingFor(projectDir, platform, arch);
  if (!existsSync(file)) {
    throw new Error(
      `Missing ${path.relative(projectDir, file)}: run \`node scripts/electron-native.mjs --platform=${platform} --arch=${arch}\` (needs internet) before building installers.`,
    );
  }
}
