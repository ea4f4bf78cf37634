// Electron fuses flipped into the packaged binary (issue 7). Each one switches off
// a way to run our code other than the app itself, or hardens what it stores.
// Kept apart from the builder config so a unit test can pin the exact values.
import type { Configuration } from 'electron-builder';

type FuseOptions = NonNullable<Configuration['electronFuses']>;

export const electronFuses: Readonly<FuseOptions> = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node runtime.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger into the process holding admin sessions.
  enableNodeCliInspectArguments: false,
  // Chromium's cookie store is encrypted with the OS keychain, as Chrome does.
  enableCookieEncryption: true,
  // The binary checks app.asar against the hash embedded at build time (macOS, Windows).
  enableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no unvalidated app/ folder next to it.
  onlyLoadAppFromAsar: true,
  // file:// pages get no privileges beyond a browser's: the renderer must not rely on them.
  grantFileProtocolExtraPrivileges: false,
});
