// Where the console's secrets live: in main only (SS-9) — each connection's admin
// password and, for a login with two-factor sign-in, the trusted-device token (td_id)
// its server handed out, which skips the second factor for 90 days and is therefore
// kept exactly like the password. Stored encrypted by the OS keychain when a real
// backend exists (secrets.json, trusted-devices.json: ciphertext only); otherwise (no
// encryption, or Linux's `basic_text` backend, which is obfuscation, not encryption)
// kept in memory for this run only, and the UI says why. Secrets never leave through
// this interface except to the Odoo connector.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretStorageMode } from '../../src-preload/contract';

/** The slice of Electron's safeStorage the vault needs (the shell hands in the real one). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real keychain. */
  getSelectedStorageBackend?(): string;
}

/** A trusted-device token and whom it belongs to: it is only ever sent to that server, for that login. */
export interface TrustedDevice {
  /** The server, database and login the token was issued for (never a secret). */
  owner: string;
  token: string;
}

export interface SecretVault {
  readonly mode: SecretStorageMode;
  /** Keeps the password for this run; persists it (encrypted) only if asked and possible. */
  put(connectionId: string, password: string, remember: boolean): void;
  /** Keeps a password that just worked for this run, leaving any stored copy as it is. */
  useForThisRun(connectionId: string, password: string): void;
  get(connectionId: string): string | null;
  has(connectionId: string): boolean;
  /** Forgets the password (the trusted device stays: forgetTrustedDevice). */
  remove(connectionId: string): void;
  /** Keeps the trusted device for this run, and in the keychain when `persist` and possible; replaces any older one. */
  putTrustedDevice(connectionId: string, device: TrustedDevice, persist: boolean): void;
  trustedDevice(connectionId: string): TrustedDevice | null;
  forgetTrustedDevice(connectionId: string): void;
}

function storageMode(safeStorage: SafeStorageLike | null): SecretStorageMode {
  if (!safeStorage || !safeStorage.isEncryptionAvailable()) return { mode: 'memory-only', reason: 'unavailable' };
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return { mode: 'memory-only', reason: 'basic_text' };
  return { mode: 'keychain', reason: null };
}

/**
 * One kind of secret per connection: a copy in memory for the run, and, in keychain
 * mode, the stored ciphertext in one file (written atomically, mode 0600). In
 * memory-only mode nothing ever touches the disk.
 */
class SecretShelf {
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly safeStorage: SafeStorageLike | null,
    private readonly keychain: boolean,
    private readonly file: string,
  ) {}

  keep(id: string, secret: string, persist: boolean): void {
    this.memory.set(id, secret);
    const stored = this.read();
    if (persist && this.keychain) stored[id] = this.safeStorage!.encryptString(secret).toString('base64');
    else delete stored[id];
    this.write(stored);
  }

  keepForThisRun(id: string, secret: string): void {
    this.memory.set(id, secret);
  }

  get(id: string): string | null {
    const remembered = this.memory.get(id);
    if (remembered !== undefined) return remembered;
    const encrypted = this.keychain ? this.read()[id] : undefined;
    if (!encrypted) return null;
    try {
      const secret = this.safeStorage!.decryptString(Buffer.from(encrypted, 'base64'));
      this.memory.set(id, secret);
      return secret;
    } catch {
      return null; // keychain changed or entry damaged: ask the user again
    }
  }

  has(id: string): boolean {
    return this.memory.has(id) || (this.keychain && id in this.read());
  }

  remove(id: string): void {
    this.memory.delete(id);
    const stored = this.read();
    if (id in stored) {
      delete stored[id];
      this.write(stored);
    }
  }

  private read(): Record<string, string> {
    if (!this.keychain || !existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private write(stored: Record<string, string>): void {
    if (!this.keychain) return; // memory-only: nothing ever touches the disk
    if (!existsSync(this.file) && Object.keys(stored).length === 0) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(stored), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}

export class KeychainVault implements SecretVault {
  readonly mode: SecretStorageMode;
  private readonly passwords: SecretShelf;
  private readonly devices: SecretShelf;

  /** `safeStorage` null: no keychain at all (plain Node: tests, the harness). */
  constructor(safeStorage: SafeStorageLike | null, userDataDir: string) {
    this.mode = storageMode(safeStorage);
    const keychain = this.mode.mode === 'keychain';
    this.passwords = new SecretShelf(safeStorage, keychain, path.join(userDataDir, 'secrets.json'));
    this.devices = new SecretShelf(safeStorage, keychain, path.join(userDataDir, 'trusted-devices.json'));
  }

  put(connectionId: string, password: string, remember: boolean): void {
    this.passwords.keep(connectionId, password, remember);
  }

  useForThisRun(connectionId: string, password: string): void {
    this.passwords.keepForThisRun(connectionId, password);
  }

  get(connectionId: string): string | null {
    return this.passwords.get(connectionId);
  }

  has(connectionId: string): boolean {
    return this.passwords.has(connectionId);
  }

  remove(connectionId: string): void {
    this.passwords.remove(connectionId);
  }

  putTrustedDevice(connectionId: string, device: TrustedDevice, persist: boolean): void {
    this.devices.keep(connectionId, JSON.stringify({ owner: device.owner, token: device.token }), persist);
  }

  trustedDevice(connectionId: string): TrustedDevice | null {
    const stored = this.devices.get(connectionId);
    if (stored === null) return null;
    try {
      const parsed = JSON.parse(stored) as Partial<TrustedDevice>;
      return typeof parsed.owner === 'string' && typeof parsed.token === 'string' ? { owner: parsed.owner, token: parsed.token } : null;
    } catch {
      return null;
    }
  }

  forgetTrustedDevice(connectionId: string): void {
    this.devices.remove(connectionId);
  }
}
