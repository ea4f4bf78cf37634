// `npm start`: build the app and launch it in Electron, on Windows, macOS and
// Linux alike (build/electron-launch.ts: no npx, no shell, the project folder as
// the app). Where the Electron runtime is missing (it could not be downloaded at
// install time), say so in one sentence and exit non-zero instead of failing
// somewhere deep in a build.
import { spawnSync } from 'node:child_process';
import { electronAppArgs, electronViteBuild, prepareElectronNativeModule, runInProject } from '../build/electron-launch';
import { electronBinaryPath } from '../src-main/shell/electron-runtime';

const projectDir = process.cwd();
const electron = electronBinaryPath();
if (!electron) {
  console.error(
    'The Electron runtime is not installed (its download failed or was skipped): run `node node_modules/electron/install.js` on a machine with internet access, then `npm start` again.',
  );
  process.exit(1);
}

try {
  runInProject(projectDir, electronViteBuild(projectDir));
  // better-sqlite3 needs a build for Electron's ABI beside the Node one the tests use.
  prepareElectronNativeModule(projectDir);
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}
const app = spawnSync(electron, [...electronAppArgs(projectDir), ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', shell: false });
process.exit(app.status ?? 1);
