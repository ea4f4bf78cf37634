// How the Connect screen speaks of a kept password. "Stored" would be false where the
// system offers no keychain: there the password lives in memory until the console quits
// (SS-9), and the screen says exactly that, never "stored" beside "never written to disk".
import type { SecretStorageMode } from '../../../../src-preload/contract';

export function passwordKeptKey(storage: SecretStorageMode, place: 'badge' | 'panel'): string {
  const where = storage.mode === 'keychain' ? 'Keychain' : 'Memory';
  return place === 'badge' ? `connect.password.badge${where}` : `connect.password.panel${where}`;
}
