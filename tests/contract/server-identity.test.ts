// LD-3 per server, not per spelling of its URL (issue 11.3), against the simulator or
// a real Odoo (ODOO_* variables): a Settings administrator reads `database.uuid`, the
// same through every host alias, a plain user may not; and the whole console,
// connected to one server through five spellings of its URL, allows five attempts a
// minute in all, not five per spelling. The attempts are `impersonation.check`s of
// ODOO_TARGET_LOGIN (bob by default: alice and carol are other suites' targets),
// which change nothing on the server.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-preload/main-handlers';
import { createConsole } from '../../src-main/app/console';
import { createLogger } from '../../src-main/core/logger';
import { OdooConnection } from '../../src-main/odoo';
import { RecordingView } from '../integration/console/console-fixture';
import { openTarget, type ContractTarget } from './target';

let target: ContractTarget;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

const targetLogin = process.env.ODOO_TARGET_LOGIN ?? 'bob';

/** The target's URL spelled as other names of the same loopback server (a real DNS alias cannot be made here). */
function spellings(url: string): string[] {
  const parsed = new URL(url);
  const port = parsed.port ? `:${parsed.port}` : '';
  const at = (host: string) => `${parsed.protocol}//${host}${port}${parsed.pathname.replace(/\/$/, '')}`;
  if (!['127.0.0.1', 'localhost'].includes(parsed.hostname)) {
    return [url, at(parsed.hostname.toUpperCase()), at(`${parsed.hostname}.`)];
  }
  // The last one is the target's own: an admin login moves web.base.url to the Host it
  // came through (docs/odoo.md), so the suite leaves it where it found it.
  return [at('localhost'), at('LOCALHOST'), at('[::ffff:127.0.0.1]'), at('127.0.0.1.'), url];
}

describe('the server identity', () => {
  it('is database.uuid, readable by a Settings administrator, the same through every alias', async () => {
    const uuids = [];
    for (const url of spellings(target.url)) {
      const aliased = new OdooConnection({ url, database: target.database, login: target.admin.login, password: target.admin.password }, { timeoutMs: 20_000 });
      uuids.push(await aliased.databaseUuid());
      await aliased.destroy();
    }
    expect(uuids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(uuids).size).toBe(1);
  });

  it('is not readable by a plain user', async () => {
    const user = target.connect(target.user);
    await expect(user.databaseUuid()).rejects.toMatchObject({ kind: 'access-error' });
    await user.destroy();
  });
});

describe('the rate limit counts per server (LD-3)', () => {
  it('gives five attempts a minute in all through five spellings of one server URL', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'console-aliases-'));
    const services = createConsole({
      userDataDir: dataDir,
      logger: createLogger(() => {}),
      safeStorage: null,
      view: new RecordingView(),
      info: { name: 'Impersonation Console', version: '0.1.0-test', platform: process.platform, electronRuntime: false, electronVersion: null, chromeVersion: null, transport: 'harness' },
    });
    const call = async (channel: string, input?: unknown) => {
      const envelope = await dispatch(services.handlers, channel, input);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.key}`);
      return envelope.value as never;
    };
    try {
      const decisions: boolean[] = [];
      const urls = spellings(target.url);
      for (const [index, url] of [...urls, ...urls].entries()) {
        const saved: { id: string } = await call('connections:save', { name: `Alias ${index}`, url, database: target.database, login: target.admin.login });
        const report: { ok: boolean } = await call('connections:connect', { id: saved.id, password: target.admin.password });
        expect(report.ok).toBe(true);
        const users: { rows: { id: number; login: string }[] } = await call('users:search', { query: targetLogin });
        const bob = users.rows.find((row) => row.login === targetLogin)!;
        const check: { allowed: boolean } = await call('impersonation:check', { targetId: bob.id, reason: 'Issue 11: one server, one rate limit' });
        decisions.push(check.allowed);
        if (decisions.length === 6) break;
      }
      expect(decisions).toEqual([true, true, true, true, true, false]);
      const keys = services.audit.raw.prepare('select distinct limiter_key from sessions').all() as { limiter_key: string }[];
      expect(keys).toHaveLength(1);
      expect(keys[0]?.limiter_key).toMatch(/^\d+@uuid:[0-9a-f-]{36}$/);
    } finally {
      // Leave the real server's web.base.url as the suite found it: the last login is through the target's own URL.
      const saved: { id: string } = await call('connections:save', { name: 'Home', url: target.url, database: target.database, login: target.admin.login });
      await call('connections:connect', { id: saved.id, password: target.admin.password });
      await services.shutdown();
    }
  });
});
