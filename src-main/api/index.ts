// The ConsoleApi's public face: the services the composition root builds, the one
// handlers object both transports serve, and the events main pushes to the UI.
export { consoleHandlers, type ConsoleServices } from './console-handlers';
export { ConsoleEvents } from './console-events';
export { ImpersonationService } from './impersonation-service';
export { MirrorService, SYNC_PERIOD_MS } from './mirror-service';
export { recoverAtStartup, type StartupRecoveryDeps } from './startup-recovery';
export { mainTranslator } from './main-translator';
export { announceRecovery } from './recovery-notices';
