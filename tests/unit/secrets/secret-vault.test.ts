import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeychainVault } from '../../../src-main/secrets/secret-vault';
import { workingKeychain } from '../../support/fake-keychain';

const CANARY = 'canary-Pa55word-9f3e';
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'vault-'));

function everyFileIn(dir: string): string {
  return readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'latin1')).join('\n');
}

describe('KeychainVault', () => {
  it('stores a remembered password encrypted: the file holds no clear text', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    new KeychainVault(keychain, dir).put('c1', CANARY, true);
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(true);
    expect(everyFileIn(dir)).not.toContain(CANARY);
    expect(new KeychainVault(keychain, dir).get('c1')).toBe(CANARY);
  });

  it('keeps passwords in memory only when Linux offers just basic_text, and says why', () => {
    const dir = tempDir();
    const vault = new KeychainVault(workingKeychain('basic_text'), dir);
    vault.put('c1', CANARY, true);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'basic_text' });
    expect(vault.get('c1')).toBe(CANARY);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps passwords in memory only when encryption is unavailable', () => {
    const dir = tempDir();
    const vault = new KeychainVault(null, dir);
    vault.put('c1', CANARY, true);
    expect(vault.mode).toEqual({ mode: 'memory-only', reason: 'unavailable' });
    expect(readdirSync(dir)).toEqual([]);
    expect(new KeychainVault(null, dir).has('c1')).toBe(false);
  });

  it('does not persist a password the user did not ask to remember', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    const vault = new KeychainVault(keychain, dir);
    vault.put('c1', CANARY, false);
    expect(vault.get('c1')).toBe(CANARY);
    expect(new KeychainVault(keychain, dir).has('c1')).toBe(false);
  });

  it('forgets a password on remove, in memory and on disk', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    const vault = new KeychainVault(keychain, dir);
    vault.put('c1', CANARY, true);
    vault.remove('c1');
    expect(vault.get('c1')).toBeNull();
    expect(new KeychainVault(keychain, dir).get('c1')).toBeNull();
  });

  it('asks again rather than failing when a stored entry cannot be decrypted', () => {
    const dir = tempDir();
    new KeychainVault(workingKeychain(), dir).put('c1', CANARY, true);
    expect(new KeychainVault(workingKeychain(), dir).get('c1')).toBeNull();
  });
});
