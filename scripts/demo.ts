// `npm run demo`: the bundled Odoo simulator on 127.0.0.1 and the console
// connected to it as admin/admin, ready for a first impersonation. Without the
// Electron runtime (it could not be downloaded here), it says so and opens the
// same console in the browser harness instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronNativeBindingFor } from '../build/native-binding';
import { DEMO_URL_VARIABLE } from '../src-main/app/demo-connection';
import { electronBinaryPath } from '../src-main/shell/electron-runtime';
import { startOdooSim } from '../tests/support/odoo-sim';

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const electron = electronBinaryPath();
if (!electron) {
  console.error('The Electron runtime is not installed, so the desktop app cannot start here; opening the same console in your browser instead (the development harness).');
  run('npx', ['vite', 'build', '--config', 'vite.harness.config.ts', '--logLevel', 'warn']);
  const harness = spawn(process.execPath, ['--import', 'tsx', 'tests/support/harness/cli.ts', '--demo', '--sim-port', '8069'], { stdio: 'inherit' });
  harness.on('exit', (code) => process.exit(code ?? 0));
} else {
  const sim = await startOdooSim({ port: 8069 });
  console.log(`Odoo simulator: ${sim.url} (database ${sim.database}; logins admin, alice, bob, carol... password = login)`);
  run('npx', ['electron-vite', 'build']);
  if (!existsSync(electronNativeBindingFor(process.cwd(), process.platform, process.arch))) {
    run(process.execPath, ['scripts/electron-native.mjs']);
  }
  const userData = mkdtempSync(path.join(os.tmpdir(), 'impersonation-console-demo-'));
  const app = spawn(electron, ['.', `--user-data-dir=${userData}`], {
    stdio: 'inherit',
    env: { ...process.env, [DEMO_URL_VARIABLE]: sim.url },
  });
  app.on('exit', (code) => void sim.close().finally(() => process.exit(code ?? 0)));
}
