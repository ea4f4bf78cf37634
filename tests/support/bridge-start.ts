// Connects and starts an impersonation through the page's own bridge, for the specs about
// what happens once a session runs (the screens that lead there have specs of their own).
// It sends what the UI sends on Confirm since issue 13: `impersonation:start` alone. One
// helper for the simulator's specs and the real-server ones.
import { expect, type Page } from '@playwright/test';
import type { ConsoleBridge } from '../../src-preload/contract';

export interface BridgeServer {
  /** The connection's name, as the screens show it. */
  name: string;
  url: string;
  database: string;
  login: string;
  password: string;
}

export interface BridgeStart {
  server: BridgeServer;
  targetLogin: string;
  reason: string;
  /** The console's language, set before anything else. */
  language?: 'en' | 'es';
}

/** The bundled simulator at `url`, as its admin. */
export function simulatorServer(url: string): BridgeServer {
  return { name: 'Simulator', url, database: 'odoo', login: 'admin', password: 'admin' };
}

/** Saves the connection (password not remembered) and connects, in `language` if given. */
export async function connectThroughBridge(page: Page, server: BridgeServer, language?: 'en' | 'es'): Promise<void> {
  const connected = await page.evaluate(
    async ({ server, language }) => {
      const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
      if (language) await api.settings.set({ language });
      const { name, url, database, login, password } = server;
      const saved = await api.connections.save({ name, url, database, login, password, rememberPassword: false });
      return saved.ok ? api.connections.connect({ id: saved.value.id, password }) : saved;
    },
    { server, language: language ?? null },
  );
  // The envelope, and the connection's own report: reachable, signed in.
  expect(connected).toMatchObject({ ok: true, value: { ok: true } });
}

export async function startThroughBridge(page: Page, start: BridgeStart): Promise<void> {
  await connectThroughBridge(page, start.server, start.language);
  const result = await page.evaluate(
    async ({ targetLogin, reason }) => {
      const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
      const found = await api.users.search({ query: targetLogin });
      if (!found.ok) return found;
      const target = found.value.rows.find((user) => user.login === targetLogin);
      if (!target) return { ok: false, error: `no user ${targetLogin}` };
      return api.impersonation.start({ targetId: target.id, reason });
    },
    { targetLogin: start.targetLogin, reason: start.reason },
  );
  expect(result).toMatchObject({ ok: true, value: { phase: 'active' } });
}
