// The only code that touches Electron's safeStorage: hands it to the vault.
import { safeStorage } from 'electron';
import type { SafeStorageLike } from '../secrets';

export function electronSafeStorage(): SafeStorageLike {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
    getSelectedStorageBackend:
      process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
  };
}
