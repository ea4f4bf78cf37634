// A keychain that really encrypts (AES-256-GCM with a key held in memory),
// standing in for the OS one behind Electron's safeStorage in plain Node tests.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../../src-main/secrets/secret-vault';

export function workingKeychain(backend = 'gnome_libsecret'): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * A working keychain that also remembers every plain text it was given: the secrets a
 * test cannot otherwise see (the trusted-device token a real server handed to main),
 * for the canary to search the disk for.
 */
export function recordingKeychain(): SafeStorageLike & { readonly given: string[] } {
  const keychain = workingKeychain();
  const given: string[] = [];
  return {
    ...keychain,
    given,
    encryptString: (plain) => {
      given.push(plain);
      return keychain.encryptString(plain);
    },
  };
}
