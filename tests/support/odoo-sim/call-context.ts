// What a model method sees of the request: the database, the caller's session
// and uid, and the server's password-hashing delay.
import type { SimDatabase } from './models';
import type { SessionStore, SimSession } from './sessions';
import type { SimRecord } from './table';

export interface CallContext {
  db: SimDatabase;
  sessions: SessionStore;
  session: SimSession;
  uid: number;
  /** Waits like a real server hashing a password (about 0.5 s by default). */
  hashDelay(): Promise<void>;
  /** Record rules: who sees which device rows (sessions' and trusted ones). */
  canSee(model: string, record: SimRecord): boolean;
}

export function recordRules(db: SimDatabase, uid: number): CallContext['canSee'] {
  const admin = db.isSystem(uid);
  return (model, record) => admin || !(model.startsWith('res.device') || model === 'auth_totp.device') || record.user_id === uid;
}
