// Where admin passwords live: in main only (SS-9). Stored encrypted by the OS
// keychain when a real backend exists; otherwise (no encryption, or Linux's
// `basic_text` backend, which is obfuscation, not encryption) kept in memory for
// this run only, and the UI says why. Passwords never leave through this
// interface except to the Odoo connector.
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

export interface SecretVault {
  readonly mode: SecretStorageMode;
  /** Keeps the password for this run; persists it (encrypted) only if asked and possible. */
  put(connectionId: string, password: string, remember: boolean): void;
  /** Keeps a password that just worked for this run, leaving any stored copy as it is. */
  useForThisRun(connectionId: string, password: string): void;
  get(connectionId: string): string | null;
  has(connectionId: string): boolean;
  remove(connectionId: string): void;
}

function storageMode(safeStorage: SafeStorageLike | null): SecretStorageMode {
  if (!safeStorage || !safeStorage.isEncryptionAvailable()) return { mode: 'memory-only', reason: 'unavailable' };
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return { mode: 'memory-only', reason: 'basic_text' };
  return { mode: 'keychain', reason: null };
}

export class KeychainVault implements SecretVault {
  readonly mode: SecretStorageMode;
  private readonly memory = new Map<string, string>();
  private readonly file: string;

  /** `safeStorage` null: no keychain at all (plain Node: tests, the harness). */
  constructor(
    private readonly safeStorage: SafeStorageLike | null,
    userDataDir: string,
  ) {
    this.mode = storageMode(safeStorage);
    this.file = path.join(userDataDir, 'secrets.json');
  }

  put(connectionId: string, password: string, remember: boolean): void {
    this.memory.set(connectionId, password);
    const stored = this.readFile();
    if (remember && this.mode.mode === 'keychain') {
      stored[connectionId] = this.safeStorage!.encryptString(password).toString('base64');
    } else {
      delete stored[connectionId];
    }
    this.writeFile(stored);
  }

  useForThisRun(connectionId: string, password: string): void {
    this.memory.set(connectionId, password);
  }

  get(connectionId: string): string | null {
    const remembered = this.memory.get(connectionId);
    if (remembered !== undefined) return remembered;
    const encrypted = this.mode.mode === 'keychain' ? this.readFile()[connectionId] : undefined;
    if (!encrypted) return null;
    try {
      const password = this.safeStorage!.decryptString(Buffer.from(encrypted, 'base64'));
      this.memory.set(connectionId, password);
      return password;
    } catch {
      return null; // keychain changed or entry damaged: ask the user again
    }
  }

  has(connectionId: string): boolean {
    return this.memory.has(connectionId) || (this.mode.mode === 'keychain' && connectionId in this.readFile());
  }

  remove(connectionId: string): void {
    this.memory.delete(connectionId);
    const stored = this.readFile();
    if (connectionId in stored) {
      delete stored[connectionId];
      this.writeFile(stored);
    }
  }

  private readFile(): Record<string, string> {
    if (this.mode.mode !== 'keychain' || !existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private writeFile(stored: Record<string, string>): void {
    if (this.mode.mode !== 'keychain') return; // memory-only: nothing ever touches the disk
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(stored), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
