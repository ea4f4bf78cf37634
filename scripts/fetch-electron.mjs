// Root postinstall: fetch the Electron runtime the way Electron's own install
// script would, but never fail the install when it can't be downloaded (CI and
// offline machines). package.json's allowScripts keeps npm from running
// Electron's script itself so that this wrapper owns the outcome.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const dir = electronDir();
if (!dir) process.exit(0); // production install without devDependencies

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Electron runtime not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` will say how to get it.');
  process.exit(0);
}

if (existsSync(path.join(dir, 'path.txt'))) process.exit(0); // already installed

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  cwd: dir,
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 10 * 60 * 1000,
});
if (result.status !== 0) {
  console.log('Electron runtime could not be downloaded (no access to its download host); tests still run, and `npm start` will say how to get it.');
}
