// The Electron shell's public face, for the composition root (app/main.ts) only:
// everything here may import 'electron'. Tests and the harness import the
// Electron-free files (content-security-policy, electron-runtime,
// session-status-text, tray-menu-model) directly.
export { installAboutPanel } from './about-panel';
export { installAppMenu } from './app-menu';
export { registerAppScheme, serveAppScheme } from './app-protocol';
export { ImpersonationView } from './impersonation-view';
export { bridgeConsoleOverIpc } from './ipc-bridge';
export { createMainWindow } from './main-window';
export { watchPowerEvents } from './power-events';
export { electronSafeStorage } from './safe-storage';
export { windowTitle } from './session-status-text';
export { ConsoleTray } from './tray';
