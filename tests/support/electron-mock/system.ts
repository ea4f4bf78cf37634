// What the operating system does to the app, per platform, and the keychain.
// powerMonitor: 'suspend'/'resume' everywhere, 'lock-screen'/'unlock-screen' on
// macOS and Windows, 'shutdown' on Linux and macOS only (its preventDefault
// delays the shutdown). Windows instead sends each window 'query-session-end'
// (preventDefault blocks the shutdown, and Windows waits on the app) and then
// 'session-end', after which the process is killed; before-quit is not emitted.
// safeStorage: unavailable before ready on Linux and Windows, backend 'unknown'
// before ready, and a locked keyring gives no key (encrypt/decrypt throw).
import { appEvents, fakeEvent, powerMonitor, state, type FakePlatform } from './state';
import { BrowserWindow } from './windows';

export { powerMonitor };

const POWER_EVENTS: Record<string, FakePlatform[]> = {
  suspend: ['linux', 'darwin', 'win32'],
  resume: ['linux', 'darwin', 'win32'],
  'lock-screen': ['darwin', 'win32'],
  'unlock-screen': ['darwin', 'win32'],
  shutdown: ['linux', 'darwin'],
};

/** The OS firing a powerMonitor event; refuses one the platform never sends. */
export function powerEvent(name: string): { defaultPrevented: boolean } {
  if (!POWER_EVENTS[name]?.includes(state.platform)) throw new Error(`${state.platform} never emits powerMonitor '${name}'`);
  const event = fakeEvent();
  powerMonitor.emit(name, event);
  return event;
}

export type SessionEndResult = 'blocked' | 'delayed' | 'killed';

/**
 * The OS shutting down or logging off. Linux/macOS: powerMonitor 'shutdown'
 * (preventDefault: 'delayed', the app must quit soon). Windows:
 * 'query-session-end' on every window (preventDefault: 'blocked', Windows waits
 * for the app), else 'session-end' and the process is killed on return.
 */
export function systemSessionEnds(reasons: string[] = ['shutdown']): SessionEndResult {
  if (state.platform !== 'win32') {
    if (powerEvent('shutdown').defaultPrevented) return 'delayed';
    state.exit = { how: 'killed', code: 0 };
    return 'killed';
  }
  const windows = BrowserWindow.getAllWindows();
  let blocked = false;
  for (const window of windows) {
    const event = fakeEvent({ reasons });
    window.emit('query-session-end', event);
    blocked ||= event.defaultPrevented;
  }
  if (blocked) return 'blocked';
  for (const window of windows) window.emit('session-end', fakeEvent({ reasons }));
  state.exit = { how: 'killed', code: 0 };
  return 'killed';
}

/** A second launch of the app: the first instance gets 'second-instance'. */
export function secondInstanceLaunched(argv: string[] = []): void {
  appEvents.emit('second-instance', fakeEvent(), argv, process.cwd(), null);
}

/** The app's `ready`: whenReady() resolves. */
export function becomeReady(): void {
  state.ready = true;
  for (const listener of state.readyListeners.splice(0)) listener();
}

const cipher = (text: string) => Buffer.from(`enc:${text}`, 'utf8');

export const safeStorage = {
  isEncryptionAvailable(): boolean {
    if (state.platform !== 'darwin' && !state.ready) return false;
    return state.keyring !== 'locked';
  },
  getSelectedStorageBackend(): string {
    if (state.platform !== 'linux') throw new Error('getSelectedStorageBackend is Linux only');
    if (!state.ready) return 'unknown';
    return state.keyring === 'basic_text' ? 'basic_text' : 'gnome_libsecret';
  },
  encryptString(plainText: string): Buffer {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    }
    return cipher(plainText);
  },
  decryptString(encrypted: Buffer): string {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    }
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(4);
  },
};
