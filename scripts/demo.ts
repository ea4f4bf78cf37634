// `npm run demo [-- --port N]`: the bundled Odoo simulator on 127.0.0.1:N (8069, Odoo's
// own default, unless told) and the console connected to it as admin/admin, ready for a
// first impersonation. Without the Electron runtime (it could not be downloaded here),
// it says so and serves the same console in the browser harness instead.
//
// It speaks the system's language (LC_ALL, LC_MESSAGES, LANG; English or Spanish), and so
// does the console it opens. A port that is taken or refused is one sentence naming the
// port and the option, and a non-zero exit: no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electronNativeBindingFor } from '../build/native-binding';
import { DEMO_URL_VARIABLE, connectToDemoServer } from '../src-main/app/demo-connection';
import { electronBinaryPath } from '../src-main/shell/electron-runtime';
import { mainTranslator } from '../src-main/api/main-translator';
import { SettingsStore } from '../src-main/settings/settings-store';
import type { Language } from '../src-preload/contract';
import { startHarness } from '../tests/support/harness/harness-server';
import { stopOnSignal } from '../tests/support/harness/stop-on-signal';
import { startOdooSim, type OdooSim } from '../tests/support/odoo-sim';

const DEFAULT_PORT = 8069;

/** The system's language, as a terminal user set it; the console speaks English or Spanish. */
function systemLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^es\b|^es[_-]/i.test(locale) ? 'es' : 'en';
}

const language = systemLanguage(process.env);
const t = mainTranslator(language);

function fail(key: string, params: Record<string, string | number>): never {
  process.stderr.write(`${t(key, params)}\n`);
  process.exit(2);
}

function readPort(): number {
  let raw: string | undefined;
  try {
    raw = parseArgs({ options: { port: { type: 'string' } }, strict: true }).values.port;
  } catch {
    raw = process.argv.slice(2).join(' ');
  }
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port < 1 || port > 65_535) fail('demo.invalidPort', { value: raw, suggestion: DEFAULT_PORT + 1 });
  return port;
}

async function startSimulator(port: number): Promise<OdooSim> {
  try {
    return await startOdooSim({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') fail('demo.portInUse', { port, suggestion: port === 65_535 ? DEFAULT_PORT + 1 : port + 1 });
    throw error;
  }
}

function run(command: string, args: string[]): void {
  // A production build whatever the caller's NODE_ENV (a test runner sets "test", which
  // would give React's development build and its doubled effects).
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A fresh data folder that opens in the system's language. */
function demoDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'impersonation-console-demo-'));
  new SettingsStore(dir).set({ language });
  return dir;
}

const sim = await startSimulator(readPort());
const say = (line: string) => process.stdout.write(`${line}\n`);
const electron = electronBinaryPath();

if (!electron) {
  say(t('demo.noElectron'));
  run('npx', ['vite', 'build', '--config', 'vite.harness.config.ts', '--logLevel', 'warn']);
  const harness = await startHarness({ dataDir: demoDataDir() });
  await connectToDemoServer(harness.console, sim.url, sim.database);
  say(t('demo.simulator', { url: sim.url, database: sim.database }));
  say(t('demo.open', { url: harness.url }));
  say(t('demo.stop'));
  stopOnSignal(() => harness.close(), () => sim.close());
} else {
  say(t('demo.simulator', { url: sim.url, database: sim.database }));
  run('npx', ['electron-vite', 'build']);
  if (!existsSync(electronNativeBindingFor(process.cwd(), process.platform, process.arch))) {
    run(process.execPath, ['scripts/electron-native.mjs']);
  }
  const app = spawn(electron, ['.', `--user-data-dir=${demoDataDir()}`], {
    stdio: 'inherit',
    env: { ...process.env, [DEMO_URL_VARIABLE]: sim.url },
  });
  app.on('exit', (code) => void sim.close().finally(() => process.exit(code ?? 0)));
}
