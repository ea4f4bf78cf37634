// Keeps the local mirror of the connected server's audit records in step:
// once when a connection opens (which also refills a rebuilt database), then
// every few minutes, and on demand (audit:sync), with progress events. Applies
// the retention setting after each sync, never to what has not been synced.
import type { SyncResult, SyncStatus } from '../../src-preload/contract';
import type { ConsoleEvents } from './console-events';
import { latestSyncAt, MirrorSync, pruneAudit, type AuditDatabase } from '../audit';
import { ConsoleError, type Clock, type Logger, type Scheduler, type ServerLogSource } from '../core';
import type { SettingsStore } from '../settings';

export const SYNC_PERIOD_MS = 5 * 60_000;

export class MirrorService {
  private mirror: MirrorSync | null = null;
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly database: AuditDatabase,
    private readonly events: ConsoleEvents,
    private readonly settings: SettingsStore,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * A connection opened (its source and its connection key: the mirror keeps
   * each server's rows and cursors apart) or closed (null).
   */
  attach(source: ServerLogSource, serverKey: string): void;
  attach(source: null): void;
  attach(source: ServerLogSource | null, serverKey?: string): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.mirror = source && serverKey ? new MirrorSync(this.database, source, { serverKey, clock: this.clock }) : null;
    if (this.mirror) this.syncInBackground();
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

  /**
   * lastSyncAt: connected, the attached server's own last sync (another
   * server's would claim a freshness this mirror does not have; null until its
   * first sync finishes). Offline, the most recent over every server: the
   * screen then shows what is stored, and that is as fresh as it gets.
   */
  status(): SyncStatus {
    return {
      lastSyncAt: this.mirror ? this.mirror.lastSyncAt() : latestSyncAt(this.database),
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
