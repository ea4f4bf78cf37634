// The start's write-ahead records (AU-2): the session's identifier on the local record,
// then the server's start entry, both committed before the view can have the cookie.
// The connector runs them beside the verification, once impersonate_login answered
// (issue 13: three sequential round trips after Confirm); the start then goes on only
// when both were written and the verification passed. Written once per attempt.
import type { AuditLedger, ServerAuditEntry, SwitchedSession } from './ports';
import type { Clock } from './clock';
import type { LiveSession } from './live-session';

export interface Written {
  /** The start entry as the server has it: its facts repeat in every later entry. */
  entry: ServerAuditEntry;
  serverLogId: number;
}

export type WriteAheadFailure = 'local-audit-failed' | 'server-audit-failed';

export class WriteAhead {
  #done: Written | null = null;
  #failed: WriteAheadFailure | null = null;
  #begun = false;

  constructor(
    private readonly live: LiveSession,
    private readonly ledger: AuditLedger,
    private readonly clock: Clock,
  ) {}

  /** Both records, once committed. */
  get done(): Written | null {
    return this.#done;
  }

  /** Which record could not be written, for the attempt's record and the message. */
  get failed(): WriteAheadFailure | null {
    return this.#failed;
  }

  get failureKey(): string {
    return this.#failed === 'local-audit-failed' ? 'rules.startAuditFailed' : 'rules.startServerAuditFailed';
  }

  async write(switched: SwitchedSession): Promise<Written> {
    // One switch, one start entry: a second call would record a session twice.
    if (this.#begun) throw new Error('write-ahead records are written once');
    this.#begun = true;
    const { live, ledger } = this;
    const startedAt = new Date(this.clock.now());
    try {
      // A crash from here on still leaves crash recovery an identifier to revoke (FT-1).
      await ledger.recordServerSession(live.rowId, switched.sessionIdentifier, startedAt);
    } catch (cause) {
      this.#failed = 'local-audit-failed';
      throw cause;
    }
    const { admin, clientHost, appVersion, odoo } = live.context;
    const entry: ServerAuditEntry = {
      admin,
      target: { ...live.target },
      reason: live.reason,
      sessionIdentifier: switched.sessionIdentifier,
      serverIp: switched.serverIp,
      clientIp: switched.clientIp,
      clientHost,
      appVersion,
      startedAtClient: startedAt,
      impersonateLogIds: [],
      impersonateLogAfter: switched.logMark,
      changesMode: live.changesMode,
    };
    try {
      const serverLogId = await odoo.writeServerAuditEntry(entry);
      // From here on the server has a start: whatever happens next, its end follows.
      live.serverEntry = entry;
      this.#done = { entry, serverLogId };
      return this.#done;
    } catch (cause) {
      this.#failed = 'server-audit-failed';
      throw cause;
    }
  }
}
