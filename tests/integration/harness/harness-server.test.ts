// IN-2 for the harness (issue 11.7): it fails closed, never down. A malformed path
// gets 400, a Host that is not 127.0.0.1:<port> or localhost:<port> is refused (HTTP
// and WebSocket alike), and a socket message that is not a call — `null` included —
// gets an error envelope; the process keeps serving throughout.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../support/harness/harness-server';

let harness: Harness;
let port: number;
let token: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const root = mkdtempSync(path.join(os.tmpdir(), 'harness-it-'));
  const staticDir = path.join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>harness</title>');
  harness = await startHarness({ dataDir: path.join(root, 'data'), staticDir });
  const url = new URL(harness.url);
  port = Number(url.port);
  token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
});
afterAll(async () => {
  await harness.close();
  process.off('unhandledRejection', onUnhandled);
});

/** A raw HTTP/1.1 exchange, so that the request line and Host are exactly what the test says. */
function raw(requestText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(requestText));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1]);
const get = (target: string, host = `127.0.0.1:${port}`) => raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`).then(statusOf);

async function stillServing(): Promise<void> {
  expect(await get('/')).toBe(200);
}

describe('the harness over HTTP', () => {
  it('answers a malformed path with 400, and keeps serving', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/%zz', '/assets/%C0%AF']) {
      expect(await get(target), target).toBe(400);
    }
    await stillServing();
  });

  it('refuses a Host that is not its own, and serves its own under both names', async () => {
    expect(await get('/', 'evil.example')).toBe(403);
    expect(await get('/', `evil.example:${port}`)).toBe(403);
    expect(await get('/', `127.0.0.1:${port + 1}`)).toBe(403);
    expect(await get('/', '127.0.0.1')).toBe(403);
    expect(statusOf(await raw('GET / HTTP/1.0\r\n\r\n'))).toBe(403); // no Host at all
    expect(await get('/', `localhost:${port}`)).toBe(200);
    expect(await get('/', `LOCALHOST:${port}`)).toBe(200);
    await stillServing();
  });

  it('does not leave its folder, and refuses other methods', async () => {
    expect(await get('/..%2F..%2F..%2Fetc%2Fpasswd')).toBe(404);
    expect(await get('/%00')).toBe(404);
    expect(statusOf(await raw(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`))).toBe(405);
  });

  it('answers a garbled request line with 400', async () => {
    expect(statusOf(await raw('\u0001\u0002 garbage\r\n\r\n'))).toBe(400);
    await stillServing();
  });

  it('says its own address in the CSP of the name it was reached by', async () => {
    const csp = await new Promise<string>((resolve) => {
      httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host: `localhost:${port}` } }, (response) => {
        response.resume();
        resolve(String(response.headers['content-security-policy']));
      }).end();
    });
    expect(csp).toContain(`ws://localhost:${port}`);
  });
});

function openSocket(host = `127.0.0.1:${port}`, origin = `http://${host}`, secret = token): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(secret)}`, { headers: { host }, origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function exchange(ws: WebSocket, text: string): Promise<{ id: unknown; envelope: { ok: boolean; error?: { kind: string; key: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if ('event' in message) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(text);
  });
}

describe('the harness over its WebSocket', () => {
  it('answers every message that is not a call with an error envelope, and stays up', async () => {
    const ws = await openSocket();
    for (const junk of ['null', '42', '"text"', '[1,2]', '{', '', '{"id":7}', 'true', '{"id":{"deep":1},"channel":"app:info"}']) {
      const answer = await exchange(ws, junk);
      if (junk.includes('app:info')) {
        expect(answer, junk).toMatchObject({ id: null, envelope: { ok: true } });
      } else {
        expect(answer, junk).toMatchObject({ envelope: { ok: false, error: { kind: 'invalid-message', key: 'errors.invalidMessage' } } });
      }
    }
    expect(await exchange(ws, JSON.stringify({ id: 1, channel: 'app:info' }))).toMatchObject({ id: 1, envelope: { ok: true } });
    expect(await exchange(ws, JSON.stringify({ id: 2, channel: 'no:such' }))).toMatchObject({ id: 2, envelope: { ok: false, error: { kind: 'unknown-channel' } } });
    ws.close();
    expect(unhandled).toEqual([]);
    await stillServing();
  });

  it('refuses an upgrade for another Host, another Origin or a wrong token', async () => {
    await expect(openSocket('evil.example', `http://127.0.0.1:${port}`)).rejects.toThrow('HTTP 403');
    await expect(openSocket(`127.0.0.1:${port}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(`127.0.0.1:${port}`, undefined, 'not-the-token')).rejects.toThrow('HTTP 403');
    const viaLocalhost = await openSocket(`localhost:${port}`);
    expect(await exchange(viaLocalhost, JSON.stringify({ id: 3, channel: 'app:info' }))).toMatchObject({ envelope: { ok: true } });
    viaLocalhost.close();
  });
});
