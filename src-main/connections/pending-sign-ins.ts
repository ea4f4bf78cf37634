// Sign-ins waiting for their second factor (two-factor sign-in): after the password
// was accepted the server holds a half-open session, and the admin's code finishes
// that same session — the password is not sent again (and web.base.url not moved
// again). One per saved connection, for five minutes; a Connect without a code starts
// over. The half-open connection and the password stay here, in main, never in the UI.
import { ConsoleError } from '../core';
import type { OdooConnection } from '../odoo';
import type { SavedConnection } from './connection-store';
import type { VaultTrustedDevice } from './trusted-device-slot';

export const PENDING_SECOND_FACTOR_MS = 5 * 60 * 1000;

export interface PendingSignIn {
  saved: SavedConnection;
  odoo: OdooConnection;
  password: string;
  device: VaultTrustedDevice;
  expiresAt: number;
}

export class PendingSignIns {
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(private readonly now: () => number = Date.now) {}

  hold(entry: Omit<PendingSignIn, 'expiresAt'>): void {
    this.pending.set(entry.saved.id, { ...entry, expiresAt: this.now() + PENDING_SECOND_FACTOR_MS });
  }

  /** The half-open sign-in of this connection, if it is recent and the connection unchanged since. */
  take(saved: SavedConnection): PendingSignIn | null {
    const entry = this.pending.get(saved.id);
    this.pending.delete(saved.id);
    if (!entry || entry.expiresAt < this.now()) return null;
    const same = entry.saved.url === saved.url && entry.saved.database === saved.database && entry.saved.login === saved.login;
    return same ? entry : null;
  }

  drop(id: string): void {
    this.pending.delete(id);
  }
}

/** The code as typed: spaces are allowed (Odoo ignores them), then exactly six digits. */
export function normaliseCode(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const code = raw.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) throw new ConsoleError('invalid-input', 'console.codeFormat');
  return code;
}
