// Which writes to the audit tables the console itself is making right now (AU-5, AU-6).
// The triggers that keep the protected tables as the console leaves them ask the SQL
// function `audit_guard(<what>)`, which only a connection opened by the console has
// (registered in audit-database.ts before the migrations run). Another program —
// the sqlite3 shell, a script — does not have it, so its statement fails with
// "no such function" before it changes anything; and inside the console a write is
// allowed only while the code that owns it runs (`allow`). A determined attacker can
// still drop a trigger: the verifier does not rely on them, and says so when one is
// missing (audit-verifier.ts).
import type Database from 'better-sqlite3';

/** The guarded writes: a session row changed, session rows removed by retention, an anchor written by retention. */
export type GuardedWrite = 'session-update' | 'session-delete' | 'anchor-insert';

/** The triggers the migrations create for the guards; the verifier checks they are all still there. */
export const GUARD_TRIGGERS = [
  'audit_events_no_update',
  'audit_events_no_delete',
  'audit_chain_anchor_no_update',
  'audit_chain_anchor_no_delete',
  'audit_chain_anchor_guard',
  'audit_chain_head_no_delete',
  'sessions_guard_update',
  'sessions_guard_delete',
] as const;

export class WriteGuard {
  private readonly open = new Map<GuardedWrite, number>();

  /** Registers `audit_guard(what)` on this connection: 1 while the console allows that write. */
  install(raw: Database.Database): void {
    raw.function('audit_guard', { deterministic: false, varargs: false }, (what: unknown) =>
      typeof what === 'string' && (this.open.get(what as GuardedWrite) ?? 0) > 0 ? 1 : 0,
    );
  }

  /** Runs `write` with `what` allowed; synchronous, like every statement of better-sqlite3. */
  allow<T>(what: GuardedWrite, write: () => T): T {
    this.open.set(what, (this.open.get(what) ?? 0) + 1);
    try {
      return write();
    } finally {
      this.open.set(what, (this.open.get(what) ?? 1) - 1);
    }
  }
}
