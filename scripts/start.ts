// `npm start`: build the app and launch it in Electron. Where the Electron
// runtime is missing (it could not be downloaded at install time), say so in one
// sentence and exit non-zero instead of failing somewhere deep in a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronNativeBindingFor } from '../build/native-binding';
import { electronBinaryPath } from '../src-main/shell/electron-runtime';

const electron = electronBinaryPath();
if (!electron) {
  console.error(
    'The Electron runtime is not installed (its download failed or was skipped): run `node node_modules/electron/install.js` on a machine with internet access, then `npm start` again.',
  );
  process.exit(1);
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['electron-vite', 'build']);
// better-sqlite3 needs a build for Electron's ABI beside the Node one the tests use.
if (!existsSync(electronNativeBindingFor(process.cwd(), process.platform, process.arch))) {
  run(process.execPath, ['scripts/electron-native.mjs']);
}
run(electron, ['.', ...process.argv.slice(2)]);
