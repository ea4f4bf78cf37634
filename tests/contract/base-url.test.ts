// docs/odoo.md, Server identity and the base URL, against the simulator or one real
// Odoo (ODOO_* variables): every sign-in of a Settings administrator moves
// web.base.url to the address it came through — connecting through 127.0.0.1 and then
// through localhost moves it there and back, and Connect says so — until the console's
// freeze action (recorded) sets web.base.url.freeze; after it, no sign-in moves it. The
// test leaves both parameters as it found them. Other suites sign in as administrators
// meanwhile (through the target's own address): a reading they moved in between is
// taken again, never judged.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport } from '../../src-preload/contract';
import { dispatch } from '../../src-preload/main-handlers';
import { createConsole } from '../../src-main/app/console';
import { createLogger } from '../../src-main/core/logger';
import { RecordingView } from '../integration/console/console-fixture';
import { RawSession } from './raw-session';
import { openTarget, type ContractTarget } from './target';

let target: ContractTarget;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

/** The same server through the other loopback name. */
function otherName(url: string): string | null {
  const parsed = new URL(url);
  const other = parsed.hostname === '127.0.0.1' ? 'localhost' : parsed.hostname === 'localhost' ? '127.0.0.1' : null;
  return other === null ? null : url.replace(parsed.hostname, other);
}

async function parameters(raw: RawSession): Promise<{ url: unknown; freeze: unknown }> {
  const url = await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url']);
  const freeze = await raw.callKw('ir.config_parameter', 'get_param', ['web.base.url.freeze']);
  return { url: url.envelope?.result, freeze: freeze.envelope?.result };
}

describe("the server's base URL", () => {
  it.skipIf(otherName(process.env.ODOO_URL ?? 'http://127.0.0.1') === null)(
    'moves with each administrator sign-in, is reported, and stays where the freeze action put it',
    { timeout: 120_000 },
    async () => {
      const home = target.url.replace(/\/+$/, '');
      const away = otherName(home)!;
      const admin = new RawSession(home);
      await admin.authenticate(target.database, target.admin.login, target.admin.password);
      const original = await parameters(admin);
      const services = createConsole({
        userDataDir: mkdtempSync(path.join(os.tmpdir(), 'console-base-url-')),
        logger: createLogger(() => {}),
        safeStorage: null,
        view: new RecordingView(),
        info: { name: 'Impersonation Console', version: '0.1.0-test', platform: process.platform, electronRuntime: false, electronVersion: null, chromeVersion: null, transport: 'harness' },
      });
      const call = async <T,>(channel: string, input?: unknown): Promise<T> => {
        const envelope = await dispatch(services.handlers, channel, input);
        if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.kind} ${envelope.error.key}`);
        return envelope.value as T;
      };
      const saved = {
        home: await call<{ id: string }>('connections:save', { name: 'Home', url: home, database: target.database, login: target.admin.login, password: target.admin.password }),
        away: await call<{ id: string }>('connections:save', { name: 'Away', url: away, database: target.database, login: target.admin.login, password: target.admin.password }),
      };
      /** Connects through one name until the reading is this sign-in's own (another suite's sign-in may land in between). */
      const connectThrough = async (which: 'home' | 'away'): Promise<ConnectionReport> => {
        let report: ConnectionReport | null = null;
        for (let attempt = 0; attempt < 5; attempt++) {
          report = await call<ConnectionReport>('connections:connect', { id: saved[which].id });
          if (report.baseUrl?.frozen || report.baseUrl?.value === (which === 'home' ? home : away)) break;
        }
        return report!;
      };
      try {
        const atHome = await connectThrough('home');
        expect(atHome.baseUrl).toMatchObject({ value: home, frozen: false, consoleAddress: home });
        const moved = await connectThrough('away');
        expect(moved.baseUrl).toEqual({ value: away, frozen: false, consoleAddress: away, changedByThisLogin: true, warning: true });
        const back = await connectThrough('home');
        expect(back.baseUrl).toMatchObject({ value: home, changedByThisLogin: true, warning: true });

        const frozen = await call<ConnectionReport>('connections:freezeBaseUrl', { address: home });
        expect(frozen.baseUrl).toMatchObject({ value: home, frozen: true, warning: false });
        const recorded = services.audit.raw.prepare("select payload from audit_events where type = 'server-setting'").all() as { payload: string }[];
        expect(recorded.map((row) => JSON.parse(row.payload))).toEqual([expect.objectContaining({ setting: 'web.base.url.freeze', value: home, login: target.admin.login })]);

        const stays = await call<ConnectionReport>('connections:connect', { id: saved.away.id });
        expect(stays.baseUrl).toMatchObject({ value: home, frozen: true, consoleAddress: away, changedByThisLogin: false, warning: false });
        expect(await parameters(admin)).toEqual({ url: home, freeze: 'True' });
      } finally {
        await services.shutdown();
        // As found: the freeze first (false deletes it), then the value.
        await admin.callKw('ir.config_parameter', 'set_param', ['web.base.url.freeze', original.freeze || false]);
        await admin.callKw('ir.config_parameter', 'set_param', ['web.base.url', original.url]);
        expect(await parameters(admin)).toEqual(original);
        await admin.end();
      }
    },
  );
});
