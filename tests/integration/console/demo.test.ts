// `npm run demo`: a busy or bad port is one sentence in the system's language naming the
// port and the option, and a non-zero exit without a stack trace; the demo connection is
// named in the console's language and follows it.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToDemoServer } from '../../../src-main/app/demo-connection';
import { startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

const root = path.resolve(import.meta.dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user at a terminal in `lang` (not the test runner's NODE_ENV=test). */
function userEnv(lang: string): NodeJS.ProcessEnv {
  const { NODE_ENV: _runner, ...env } = process.env;
  return { ...env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
}

function runDemo(args: string[], lang: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], {
      cwd: root,
      env: userEnv(lang),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port something else already listens on, as a local Odoo would on 8069. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

describe('npm run demo, when the port is not free', () => {
  let busy: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
    busy = null;
  });

  it.each([
    ['en_US.UTF-8', (port: number) => `Port ${port} is already in use (a local Odoo, perhaps); choose another with: npm run demo -- --port ${port + 1}\n`],
    ['es_ES.UTF-8', (port: number) => `El puerto ${port} ya está en uso (quizá por un Odoo local); elija otro con: npm run demo -- --port ${port + 1}\n`],
  ])('says so in one sentence naming the port and --port, and exits non-zero (%s)', async (lang, sentence) => {
    const occupied = await occupiedPort();
    busy = occupied.server;
    const run = await runDemo(['--port', String(occupied.port)], lang);
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toBe(sentence(occupied.port));
    expect(run.stdout).toBe('');
  }, 30_000);

  it('refuses a port that is not a number the same way', async () => {
    const run = await runDemo(['--port', 'odoo'], 'en_US.UTF-8');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('“odoo” is not a port; give a number from 1 to 65535, for example: npm run demo -- --port 8070\n');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 30_000);
});

describe('npm run demo, when the port is free', () => {
  it('prints the console\'s URL once, plainly, serves it, and stops on Ctrl+C', async () => {
    const free = await occupiedPort();
    await new Promise<void>((resolve) => free.server.close(() => resolve()));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--port', String(free.port)], {
      cwd: root,
      env: userEnv('en_US.UTF-8'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const match = /^Open the console: (\S+)$/m.exec(stdout);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`demo exited (${code}): ${stdout}`)));
      });
      expect(stdout).toContain(`Odoo simulator: http://127.0.0.1:${free.port} (database odoo;`);
      expect(stdout.split(new URL(url).origin)).toHaveLength(2); // once
      expect(stdout).not.toContain('{"url"');
      expect((await fetch(url)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 90_000);
});

describe('the demo connection', () => {
  let running: ConsoleUnderTest | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  it('is named in the console\'s language, and renamed when the language changes', async () => {
    running = await startConsoleWithSim();
    await running.call('settings:set', { language: 'es' });
    await connectToDemoServer(running.services, running.sim.url, running.sim.database);
    const names = async () => (await running!.call('connections:list')).connections.map((connection) => connection.name);
    expect(await names()).toEqual(['Demo (simulador de Odoo)']);
    expect(await running.call('connections:status')).toMatchObject({ connected: true });

    await running.call('settings:set', { language: 'en' });
    expect(await names()).toEqual(['Demo (Odoo simulator)']);
    // Still connected, with its password kept: renaming is not reconnecting.
    const [demo] = (await running.call('connections:list')).connections;
    expect(demo).toMatchObject({ passwordStored: true });
    expect(await running.call('connections:status')).toMatchObject({ connected: true, connectionId: demo!.id });
  }, 30_000);
});
