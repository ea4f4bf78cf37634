// The UI's one handle on main: the bridge the preload (or harness) installed as
// window.consoleApi, unwrapped so that failures arrive as typed ConsoleCallErrors.
// Read through globalThis so that pure store logic stays importable in Node tests.
import { unwrapBridge } from '../../src-preload/renderer-invokers';
import type { ConsoleApi, ConsoleBridge } from '../../src-preload/contract';

let api: ConsoleApi | null = null;

export function consoleApi(): ConsoleApi {
  api ??= unwrapBridge((globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi);
  return api;
}
