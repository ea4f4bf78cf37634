import type { ConsoleBridge } from '../../src-preload/contract';

declare global {
  interface Window {
    /** Installed by the preload (desktop app) or the harness client (browser). */
    consoleApi: ConsoleBridge;
  }
}
