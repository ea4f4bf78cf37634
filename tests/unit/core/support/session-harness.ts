// One console over the fakes: a session machine, its ledger, server, view and time.
// `crash()` drops the machine like a killed process and builds the next one over the
// same ledger and server, as a restart would.
import type { SessionView } from '../../../../src-preload/contract';
import { ImpersonationSession, type StartContext } from '../../../../src-main/core/impersonation-session';
import type { RecoveryReport } from '../../../../src-main/core/session-recovery';
import { FakeOdoo, ADMIN } from './fake-odoo';
import { FakeView } from './fake-view';
import { InMemoryLedger } from './in-memory-ledger';
import { ManualScheduler, ManualTime, flush } from './manual-time';

export const REASON = 'Customer cannot see invoice INV/2025/0042';
export const CONNECTION_KEY = 'https://odoo.example.com|prod';

export function startContext(odoo: FakeOdoo, overrides: Partial<StartContext> = {}): StartContext {
  return {
    connectionKey: CONNECTION_KEY,
    admin: ADMIN,
    clientHost: 'helpdesk-01',
    appVersion: '0.1.0',
    odoo,
    origin: 'https://odoo.example.com',
    landingUrl: 'https://odoo.example.com/odoo',
    limitMinutes: 60,
    ...overrides,
  };
}

export class ConsoleHarness {
  readonly time = new ManualTime();
  readonly ledger = new InMemoryLedger();
  readonly odoo = new FakeOdoo();
  scheduler = new ManualScheduler(this.time);
  view = new FakeView();
  session: ImpersonationSession;
  readonly states: SessionView[] = [];
  limitMinutes = 60;
  /** What the recovery after the last crash() reported. */
  lastRecovery: RecoveryReport | null = null;

  constructor(private readonly machineOptions: { tickMs?: number; aliveCheckMs?: number } = {}) {
    this.session = this.build();
  }

  context(overrides: Partial<StartContext> = {}): StartContext {
    return startContext(this.odoo, { limitMinutes: this.limitMinutes, ...overrides });
  }

  start(targetId = 6, reason = REASON, overrides: Partial<StartContext> = {}): Promise<SessionView> {
    return this.session.start({ targetId, reason }, this.context(overrides));
  }

  /** The process dies: timers gone, the view gone with it; a new machine recovers. */
  async crash(): Promise<void> {
    this.scheduler.dropAll();
    this.view = new FakeView();
    this.scheduler = new ManualScheduler(this.time);
    this.session = this.build();
    this.lastRecovery = await this.session.recover(CONNECTION_KEY, this.odoo);
    await flush();
  }

  advance(ms: number): Promise<void> {
    return this.scheduler.advance(ms);
  }

  private build(): ImpersonationSession {
    const session = new ImpersonationSession({
      ledger: this.ledger,
      view: this.view,
      clock: this.time,
      scheduler: this.scheduler,
      monotonic: this.time.monotonic,
      tickMs: this.machineOptions.tickMs ?? 1_000,
      aliveCheckMs: this.machineOptions.aliveCheckMs ?? 30_000,
      retry: { firstDelayMs: 1_000, maxDelayMs: 8_000 },
    });
    session.onState((view) => this.states.push(view));
    return session;
  }
}
