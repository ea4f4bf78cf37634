import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const backend = vi.hoisted(() => ({ name: 'basic_text' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend.name,
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (buffer: Buffer) => Buffer.from(buffer).reverse().toString('utf8'),
  },
}));

const { electronSafeStorage } = await import('../../../src-main/shell/safe-storage');
const { KeychainVault } = await import('../../../src-main/secrets/secret-vault');

describe.skipIf(process.platform !== 'linux')('the safeStorage adapter on Linux', () => {
  it('with the basic_text backend writes nothing to disk and reports memory-only', () => {
    backend.name = 'basic_text';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-storage-'));
    const vault = new KeychainVault(electronSafeStorage(), dir);
    vault.put('c1', 'canary-password', true);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'basic_text' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with a real backend stores through safeStorage', () => {
    backend.name = 'gnome_libsecret';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safe-storage-'));
    const vault = new KeychainVault(electronSafeStorage(), dir);
    vault.put('c1', 'canary-password', true);
    expect(vault.mode.mode).toBe('keychain');
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });
});
