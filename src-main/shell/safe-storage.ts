// The only code that touches Electron's safeStorage: hands it to the vault.
// Electron 40 (docs/api/safe-storage.md): encryption is unavailable before
// `ready` on Linux and Windows, and getSelectedStorageBackend (Linux only)
// answers 'unknown' before it; the vault is built after `ready`, and asks once.
import { safeStorage } from 'electron';
import type { SafeStorageLike } from '../secrets';

export function electronSafeStorage(platform: NodeJS.Platform): SafeStorageLike {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
    getSelectedStorageBackend: platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
  };
}
