// A connection's trusted-device token (two-factor sign-in, docs/security.md SS-9) as
// the connector reads and renews it: kept in the vault like the password, for the
// server, database and login it was issued for — a connection edited to point
// elsewhere never sends it there. `persist` is the admin's "Trust this computer":
// the keychain when on (and a keychain exists), this run's memory when off.
import type { SecretVault } from '../secrets';
import type { SavedConnection } from './connection-store';

/** Whom a token belongs to: never a secret. */
export function deviceOwner(saved: Pick<SavedConnection, 'url' | 'database' | 'login'>): string {
  return `${saved.url}|${saved.database}|${saved.login}`;
}

export class VaultTrustedDevice {
  constructor(
    private readonly vault: SecretVault,
    private readonly saved: SavedConnection,
    /** Trust this computer: keep a new token in the keychain, not only for this run. */
    public persist: boolean,
  ) {}

  read(): string | null {
    const device = this.vault.trustedDevice(this.saved.id);
    return device !== null && device.owner === deviceOwner(this.saved) ? device.token : null;
  }

  keep(token: string): void {
    this.vault.putTrustedDevice(this.saved.id, { owner: deviceOwner(this.saved), token }, this.persist);
  }

  toJSON(): { connection: string; persist: boolean } {
    return { connection: this.saved.id, persist: this.persist };
  }
}
