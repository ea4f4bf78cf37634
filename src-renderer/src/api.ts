// The UI's one handle on main: the bridge the preload (or harness) installed,
// unwrapped so that failures arrive as typed ConsoleCallErrors.
import { unwrapBridge } from '../../src-preload/renderer-invokers';
import type { ConsoleApi } from '../../src-preload/contract';

let api: ConsoleApi | null = null;

export function consoleApi(): ConsoleApi {
  api ??= unwrapBridge(window.consoleApi);
  return api;
}
