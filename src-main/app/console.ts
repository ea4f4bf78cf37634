// Builds the console's services in order and wires them into the one
// ConsoleHandlers object both transports serve. Electron-free: the Electron
// composition root (main.ts) and the development harness both call it, handing
// in what differs (where data lives, what runtime this is, the secret vault).
import { mkdirSync } from 'node:fs';
import type { AppInfo, ConsoleHandlers } from '../../src-preload/contract';
import { appHandlers } from '../api/app-handlers';
import { ConsoleEvents } from '../api/console-events';
import { connectionHandlers } from '../api/connection-handlers';
import { notBuiltYet } from '../api/not-built-yet';
import { ConnectionService } from '../connections/connection-service';
import { ConnectionStore } from '../connections/connection-store';
import { KeychainVault, type SafeStorageLike } from '../secrets/secret-vault';
import { SettingsStore } from '../settings/settings-store';
import type { Logger } from './logger';

export interface ConsoleOptions {
  userDataDir: string;
  info: AppInfo;
  logger: Logger;
  /** Electron's safeStorage in the app; null in plain Node (passwords then stay in memory). */
  safeStorage: SafeStorageLike | null;
}

export interface ConsoleInstance {
  handlers: ConsoleHandlers;
  events: ConsoleEvents;
  settings: SettingsStore;
  connections: ConnectionService;
  /** Ends whatever is running, with a bounded wait, before the process exits. */
  shutdown(): Promise<void>;
}

export function createConsole(options: ConsoleOptions): ConsoleInstance {
  mkdirSync(options.userDataDir, { recursive: true });
  const events = new ConsoleEvents();
  const settings = new SettingsStore(options.userDataDir);
  const vault = new KeychainVault(options.safeStorage, options.userDataDir);
  const connections = new ConnectionService(new ConnectionStore(options.userDataDir), vault, options.logger);

  const handlers: ConsoleHandlers = {
    ...appHandlers(options.info, settings, events),
    ...connectionHandlers(connections),
    'impersonation:check': notBuiltYet,
    'impersonation:start': notBuiltYet,
    'impersonation:stop': notBuiltYet,
    'impersonation:current': notBuiltYet,
    'impersonation:setViewBounds': notBuiltYet,
    'audit:list': notBuiltYet,
    'audit:search': notBuiltYet,
    'audit:session': notBuiltYet,
    'audit:verify': notBuiltYet,
    'audit:export': notBuiltYet,
    'audit:sync': notBuiltYet,
    'audit:syncStatus': notBuiltYet,
    'audit:stats': notBuiltYet,
  };

  return {
    handlers,
    events,
    settings,
    connections,
    shutdown: async () => {
      options.logger.info('console.shutdown');
      await connections.disconnect();
    },
  };
}
