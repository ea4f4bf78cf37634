// Which real Odoo the real-server e2e runs against, and what it asks that server as
// its administrator (JSON-RPC, outside the console) to check the console's work.
//   ODOO_URL, ODOO_DB, ODOO_ADMIN_LOGIN, ODOO_ADMIN_PASSWORD   the server (as `odoo-lab env` prints)
//   ODOO_E2E_VERSION (or ODOO_VERSION, as the contract suite)  17, 18 or 19: what it runs (npm test sets it)
// Without ODOO_URL every test here skips, with that reason. The server's database is
// shared by every real-server test and its impersonate.log rows cannot be deleted:
// these tests run one at a time, and look only at the rows of their own session (rows
// created after they began, and a reason no other test uses). The main flow and the
// request list impersonate `alice`; the escape-variant spec impersonates `bob`
// (ESCAPE_TARGET), so the tripwire of one never reads the other's rows as its own.
import { randomBytes } from 'node:crypto';
import { RawSession } from '../../contract/raw-session';

export type OdooVersion = '17' | '18' | '19';
export type Language = 'en' | 'es';

export const TARGET = { login: 'alice', name: 'Alice Anderson' } as const;
/** The escape-variant spec's target (the lab's passwords equal the logins). */
export const ESCAPE_TARGET = { login: 'bob', name: 'Bob Brown', password: 'bob' } as const;

export interface RealOdoo {
  url: string;
  database: string;
  admin: { login: string; password: string };
}

export const realOdoo: RealOdoo | null = process.env.ODOO_URL
  ? {
      url: process.env.ODOO_URL.replace(/\/+$/, ''),
      database: process.env.ODOO_DB ?? '',
      admin: { login: process.env.ODOO_ADMIN_LOGIN ?? 'admin', password: process.env.ODOO_ADMIN_PASSWORD ?? 'admin' },
    }
  : null;

export const NO_SERVER = 'No real Odoo server: set ODOO_URL, ODOO_DB and the admin login (npm test starts the bundled servers when it finds them).';

const given = process.env.ODOO_E2E_VERSION ?? process.env.ODOO_VERSION ?? '18';
if (!['17', '18', '19'].includes(given)) throw new Error(`ODOO_E2E_VERSION must be 17, 18 or 19, not ${given}`);
export const version = given as OdooVersion;

/** Issue 16: the English and Spanish flows on 18, one English flow on 17 and 19 (CI time, 2 cores). */
export const languages: Language[] = version === '18' ? ['en', 'es'] : ['en'];

/** A reason no other test writes: the test finds its own ir.logging entries by it. */
export function uniqueReason(language: Language): string {
  const nonce = randomBytes(4).toString('hex');
  return language === 'en' ? `Ticket 4711-${nonce}: Alice cannot confirm her sales orders` : `Ticket 4711-${nonce}: Alice no puede confirmar sus pedidos`;
}

type Rows = Record<string, unknown>[];

/** The server as its administrator sees it, through a JSON-RPC session of its own. */
export class ServerAsAdmin {
  private readonly session: RawSession;

  private constructor(private readonly odoo: RealOdoo) {
    this.session = new RawSession(odoo.url);
  }

  static async open(odoo: RealOdoo): Promise<ServerAsAdmin> {
    const server = new ServerAsAdmin(odoo);
    const answer = await server.session.authenticate(odoo.database, odoo.admin.login, odoo.admin.password);
    if (!answer.envelope?.result) throw new Error(`the admin could not sign in on ${odoo.url}: ${answer.text.slice(0, 200)}`);
    return server;
  }

  async majorVersion(): Promise<string> {
    const answer = await this.session.post('/web/webclient/version_info', {});
    const info = answer.envelope?.result as { server_version_info?: unknown[] } | undefined;
    return String(info?.server_version_info?.[0] ?? '');
  }

  async searchRead(model: string, domain: unknown[], fields: string[], extra: Record<string, unknown> = {}): Promise<Rows> {
    const answer = await this.session.callKw(model, 'search_read', [domain, fields], { context: { active_test: false }, ...extra });
    if (!Array.isArray(answer.envelope?.result)) throw new Error(`${model}.search_read failed: ${answer.text.slice(0, 300)}`);
    return answer.envelope.result as Rows;
  }

  async target(login: string = TARGET.login): Promise<{ id: number; partnerId: number }> {
    const [row] = await this.searchRead('res.users', [['login', '=', login]], ['id', 'partner_id']);
    if (!row) throw new Error(`no user ${login} on ${this.odoo.url}`);
    return { id: row.id as number, partnerId: (row.partner_id as [number, string])[0] };
  }

  /** The highest impersonate.log id so far: the test's own row comes after it. */
  async lastLogRowId(): Promise<number> {
    const rows = await this.searchRead('impersonate.log', [], ['id'], { order: 'id desc', limit: 1 });
    return (rows[0]?.id as number | undefined) ?? 0;
  }

  /** The module's rows for the target opened after `afterId` (this test's session). */
  logRowsSince(afterId: number, partnerId: number): Promise<Rows> {
    return this.searchRead('impersonate.log', [['id', '>', afterId], ['impersonated_partner_id', '=', partnerId]], ['id', 'user_id', 'date_start', 'date_end']);
  }

  /** Every impersonate.log row opened after `afterId`, whoever it impersonates. */
  logRowsAbove(afterId: number): Promise<Rows> {
    return this.searchRead('impersonate.log', [['id', '>', afterId]], ['id', 'user_id', 'impersonated_partner_id', 'date_start', 'date_end'], { order: 'id asc' });
  }

  /** The console's ir.logging entries that carry this reason, oldest first. */
  consoleEntries(reason: string): Promise<Rows> {
    return this.searchRead('ir.logging', [['name', '=', 'impersonation-console'], ['message', 'ilike', reason]], ['id', 'func', 'level', 'message'], { order: 'id asc' });
  }

  /** The console's "Allow changes" entries (issue 17.2) that carry this reason. */
  changesEntries(reason: string): Promise<Rows> {
    return this.searchRead('ir.logging', [['name', '=', 'impersonation-console.changes'], ['message', 'ilike', reason]], ['id', 'func', 'level', 'message'], { order: 'id asc' });
  }

  /** Writes as the administrator (to put back what a test changed). */
  async write(model: string, ids: number[], values: Record<string, unknown>): Promise<void> {
    const answer = await this.session.callKw(model, 'write', [ids, values]);
    if (answer.envelope?.result !== true) throw new Error(`${model}.write failed: ${answer.text.slice(0, 300)}`);
  }

  /** Who a session cookie is on the server: its uid, or null once Odoo says it expired. */
  async sessionUid(sessionId: string): Promise<number | null> {
    return (await this.sessionIdentity(sessionId))?.uid ?? null;
  }

  /**
   * Who a session cookie is, and who impersonates through it (the module's
   * `impersonate_from_uid`, null when nobody does), on its own cookie; null once expired.
   */
  async sessionIdentity(sessionId: string): Promise<{ uid: number; impersonateFromUid: number | null } | null> {
    const probe = new RawSession(this.odoo.url);
    probe.cookie = sessionId;
    const answer = await probe.sessionInfo();
    const result = answer.envelope?.result as { uid?: number; impersonate_from_uid?: number | false | null } | undefined;
    if (typeof result?.uid !== 'number') return null;
    return { uid: result.uid, impersonateFromUid: typeof result.impersonate_from_uid === 'number' ? result.impersonate_from_uid : null };
  }

  async close(): Promise<void> {
    await this.session.post('/web/session/destroy', {}).catch(() => undefined);
  }
}
