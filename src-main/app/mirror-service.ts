// Keeps the local mirror of the server's audit records in step while connected:
// once when a connection opens (which also refills a rebuilt database), then
// every few minutes, and on demand (audit:sync), with progress events. Applies
// the retention setting after each sync, never to what has not been synced.
import type { SyncResult, SyncStatus } from '../../src-preload/contract';
import type { ConsoleEvents } from '../api/console-events';
import type { AuditDatabase } from '../audit/audit-database';
import { MirrorSync } from '../audit/mirror-sync';
import { pruneAudit } from '../audit/retention';
import type { ServerLogSource } from '../audit/server-log-source';
import type { Clock } from '../core/clock';
import { ConsoleError } from '../core/console-error';
import type { Scheduler } from '../core/scheduler';
import type { SettingsStore } from '../settings/settings-store';
import type { Logger } from './logger';

export const SYNC_PERIOD_MS = 5 * 60_000;

const offline: ServerLogSource = {
  readServerLogs: () => Promise.reject(new ConsoleError('not-connected', 'console.notConnected')),
};

export class MirrorService {
  /** Reads the last-sync time while offline; never reaches a server. */
  private readonly offlineMirror: MirrorSync;
  private mirror: MirrorSync | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly database: AuditDatabase,
    private readonly events: ConsoleEvents,
    private readonly settings: SettingsStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.offlineMirror = new MirrorSync(database, offline, { clock });
  }

  /** A connection opened (source) or closed (null). */
  attach(source: ServerLogSource | null): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.mirror = source ? new MirrorSync(this.database, source, { clock: this.clock }) : null;
    if (source) this.syncInBackground();
  }

  async syncNow(): Promise<SyncResult> {
    const mirror = this.mirror;
    if (!mirror) throw new ConsoleError('not-connected', 'console.notConnected');
    try {
      const result = await mirror.syncOnce((progress) => this.events.emit('syncProgress', progress));
      this.applyRetention();
      return result;
    } finally {
      this.events.emit('syncProgress', { fetched: 0, total: null, done: true });
    }
  }

  status(): SyncStatus {
    return {
      lastSyncAt: this.offlineMirror.lastSyncAt(),
      running: this.mirror?.isRunning ?? false,
      connected: this.mirror !== null,
    };
  }

  /** Retention ("keep N days"): after each sync, and when the setting changes. */
  applyRetention(): void {
    const keepDays = this.settings.get().retentionDays;
    if (keepDays === null) return;
    const result = pruneAudit(this.database, keepDays, new Date(this.clock.now()));
    this.logger.info('audit.pruned', { ...result });
  }

  dispose(): void {
    this.attach(null);
  }

  private syncInBackground(): void {
    const mirror = this.mirror;
    this.syncNow()
      .catch((error: unknown) => this.logger.warn('audit.sync-failed', { error }))
      .finally(() => {
        if (this.mirror === mirror) this.cancelTimer = this.scheduler.after(SYNC_PERIOD_MS, () => this.syncInBackground());
      });
  }
}
