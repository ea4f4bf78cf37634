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

describe('KeychainVault: the trusted device of two-factor sign-in, kept exactly like a password (SS-9)', () => {
  const TOKEN = '0ae8aead16e56e208a613c615b77acfa6fb73c2e'; // a td_id's shape: 40 hex
  const device = { owner: 'http://odoo.example.com|prod|admin3', token: TOKEN };

  it('stores it encrypted when trusted: no clear text on disk, and the next run reads it back', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    new KeychainVault(keychain, dir).putTrustedDevice('c1', device, true);
    expect(readdirSync(dir)).toEqual(['trusted-devices.json']);
    expect(everyFileIn(dir)).not.toContain(TOKEN);
    expect(everyFileIn(dir)).not.toContain('odoo.example.com');
    expect(new KeychainVault(keychain, dir).trustedDevice('c1')).toEqual(device);
  });

  it('keeps it for this run only when not trusted, and a new one replaces a stored one', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    const vault = new KeychainVault(keychain, dir);
    vault.putTrustedDevice('c1', device, true);
    const renewed = { ...device, token: 'f'.repeat(40) };
    vault.putTrustedDevice('c1', renewed, false);
    expect(vault.trustedDevice('c1')).toEqual(renewed);
    expect(new KeychainVault(keychain, dir).trustedDevice('c1')).toBeNull();
    expect(everyFileIn(dir)).not.toContain('f'.repeat(40));
  });

  it('never touches the disk without a keychain, trusted or not', () => {
    const dir = tempDir();
    const vault = new KeychainVault(workingKeychain('basic_text'), dir);
    vault.putTrustedDevice('c1', device, true);
    expect(vault.trustedDevice('c1')).toEqual(device);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is apart from the password: forgetting one leaves the other', () => {
    const dir = tempDir();
    const keychain = workingKeychain();
    const vault = new KeychainVault(keychain, dir);
    vault.put('c1', CANARY, true);
    vault.putTrustedDevice('c1', device, true);
    vault.remove('c1');
    expect(vault.trustedDevice('c1')).toEqual(device);
    expect(vault.has('c1')).toBe(false);
    vault.put('c1', CANARY, true);
    vault.forgetTrustedDevice('c1');
    expect(new KeychainVault(keychain, dir).trustedDevice('c1')).toBeNull();
    expect(new KeychainVault(keychain, dir).get('c1')).toBe(CANARY);
  });
});
