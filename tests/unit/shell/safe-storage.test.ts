// The keychain adapter against safeStorage as Electron 40 behaves
// (tests/support/electron-mock.ts): unavailable before `ready` on Linux and
// Windows, the backend 'unknown' before it, 'basic_text' without a keyring, and
// a locked keyring that gives no key. The vault must never write a password it
// cannot encrypt, and must never lose one stored earlier.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { KeychainVault } from '../../../src-main/secrets/secret-vault';
import { electronSafeStorage } from '../../../src-main/shell/safe-storage';
import { electronFake, type FakeOptions } from '../../support/electron-mock';

function vaultOn(options: FakeOptions, dir = mkdtempSync(path.join(os.tmpdir(), 'safe-storage-'))) {
  electronFake.reset(options);
  return { vault: new KeychainVault(electronSafeStorage(options.platform ?? 'linux'), dir), dir };
}

describe('the safeStorage adapter', () => {
  it.each(['linux', 'win32'] as const)('on %s, before ready: no encryption yet, so nothing would be stored (the app builds the vault after ready)', (platform) => {
    const { vault, dir } = vaultOn({ platform, ready: false });
    vault.put('c1', 'canary-password', true);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'unavailable' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('on %s, after ready: stores through the keychain, never in clear', (platform) => {
    const { vault, dir } = vaultOn({ platform });
    vault.put('c1', 'canary-password', true);
    expect(vault.mode.mode).toBe('keychain');
    expect(readdirSync(dir)).toEqual(['secrets.json']);
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('canary-password');
    expect(vault.get('c1')).toBe('canary-password');
  });

  it('on Linux with only the basic_text backend: memory only, nothing on disk, and says why', () => {
    const { vault, dir } = vaultOn({ platform: 'linux', keyring: 'basic_text' });
    vault.put('c1', 'canary-password', true);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'basic_text' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with a locked keyring: memory only for this run, and the password stored earlier is kept for the next', () => {
    const { vault: earlier, dir } = vaultOn({ platform: 'linux' });
    earlier.put('c1', 'stored-earlier', true);
    const before = readFileSync(path.join(dir, 'secrets.json'), 'utf8');

    const { vault } = vaultOn({ platform: 'linux', keyring: 'locked' }, dir);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'unavailable' });
    expect(vault.get('c1')).toBeNull(); // asked again, not decrypted into garbage
    vault.put('c1', 'typed-this-run', false);
    expect(vault.get('c1')).toBe('typed-this-run');
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe(before);

    const { vault: later } = vaultOn({ platform: 'linux' }, dir);
    expect(later.get('c1')).toBe('stored-earlier');
  });

  it("asks for the backend only on Linux, where Electron has it", () => {
    electronFake.reset({ platform: 'darwin' });
    expect(electronSafeStorage('darwin').getSelectedStorageBackend).toBeUndefined();
    electronFake.reset({ platform: 'linux' });
    expect(electronSafeStorage('linux').getSelectedStorageBackend?.()).toBe('gnome_libsecret');
  });
});
