// The whole console in plain Node — real services, a real SQLite file, real
// HTTP to the Odoo simulator — driven through dispatch(), the same entry both
// transports use, with a test clock and scheduler.
import { appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { MethodChannel } from '../../../src-preload/channels';
import type { Envelope, MethodInput, MethodOutput, ViewBounds } from '../../../src-preload/contract';
import { dispatch } from '../../../src-preload/main-handlers';
import { createConsole, type ConsoleInstance, type ConsoleView } from '../../../src-main/app/console';
import { createLogger } from '../../../src-main/core/logger';
import type { ImpersonationViewSpec, ViewActivity } from '../../../src-main/core/ports';
import type { ViewAccess } from '../../../src-main/core/view-policy';
import type { SafeStorageLike } from '../../../src-main/secrets/secret-vault';
import { startOdooSim, type OdooSim, type SimOptions } from '../../support/odoo-sim';
import { ManualScheduler, ManualTime } from '../../unit/core/support/manual-time';

/** Stands in for the WebContentsView: remembers what it was given, in memory only. */
export class RecordingView implements ConsoleView {
  spec: ImpersonationViewSpec | null = null;
  bounds: ViewBounds | null = null;
  opens = 0;
  closes = 0;
  /** Runs inside open(), before the view would show anything (write-ahead checks). */
  onOpen: (spec: ImpersonationViewSpec) => void = () => {};

  async open(spec: ImpersonationViewSpec): Promise<void> {
    this.onOpen(spec);
    this.spec = spec;
    this.access = spec.access;
    this.opens += 1;
  }

  async close(): Promise<void> {
    if (this.spec) this.closes += 1;
    this.spec = null;
  }

  setBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
  }

  private navigatedListener: () => void = () => {};

  onNavigated(listener: () => void): void {
    this.navigatedListener = listener;
  }

  /** The page committed a top-level navigation (what the desktop view reports on did-navigate). */
  navigated(): void {
    if (this.spec) this.navigatedListener();
  }

  /** What the page may do now: the spec's, then what the session set (issue 17). */
  access: ViewAccess | null = null;
  private activityListener: (activity: ViewActivity) => void = () => {};

  setAccess(access: ViewAccess): void {
    this.access = access;
  }

  onActivity(listener: (activity: ViewActivity) => void): void {
    this.activityListener = listener;
  }

  /** A request of the page as the guards decided on it. */
  activity(activity: ViewActivity): void {
    if (this.spec) this.activityListener(activity);
  }
}

export interface ConsoleUnderTest {
  sim: OdooSim;
  services: ConsoleInstance;
  view: RecordingView;
  dataDir: string;
  time: ManualTime;
  scheduler: ManualScheduler;
  call<C extends MethodChannel>(channel: C, input?: MethodInput<C>): Promise<MethodOutput<C>>;
  callRaw(channel: string, input?: unknown): Promise<Envelope<unknown>>;
  /** A second console over the same data folder, as after a crash and restart. */
  restart(): ConsoleUnderTest;
  /** Another console (a colleague's, its own data folder) talking to the same server. */
  another(): ConsoleUnderTest;
  close(): Promise<void>;
}

export const REASON = 'Ticket #4711: customer cannot see her invoices';

/** `keychain`: an OS keychain stand-in (passwords can be remembered); none by default. */
export async function startConsoleWithSim(simOptions: SimOptions = {}, keychain: SafeStorageLike | null = null): Promise<ConsoleUnderTest> {
  const sim = await startOdooSim({ hashDelayMs: 0, ...simOptions });
  return build(sim, mkdtempSync(path.join(os.tmpdir(), 'console-it-')), keychain);
}

function build(sim: OdooSim, dataDir: string, keychain: SafeStorageLike | null): ConsoleUnderTest {
  const time = new ManualTime();
  time.wall = Date.now();
  const scheduler = new ManualScheduler(time);
  const view = new RecordingView();
  const logFile = path.join(dataDir, 'console.log');
  const services = createConsole({
    userDataDir: dataDir,
    logger: createLogger((line) => appendFileSync(logFile, `${line}\n`)),
    safeStorage: keychain,
    view,
    clock: time,
    scheduler,
    monotonic: time.monotonic,
    info: { name: 'Impersonation Console', version: '0.1.0-test', platform: process.platform, electronRuntime: false, electronVersion: null, chromeVersion: null, transport: 'harness' },
  });
  const callRaw = (channel: string, input?: unknown) => dispatch(services.handlers, channel, input, { refusedInput: services.refusedInput });
  return {
    sim,
    services,
    view,
    dataDir,
    time,
    scheduler,
    callRaw,
    call: async (channel, input) => {
      const envelope = await callRaw(channel, input);
      if (!envelope.ok) throw Object.assign(new Error(`${envelope.error.kind}: ${envelope.error.key}`), envelope.error);
      return envelope.value as never;
    },
    restart: () => build(sim, dataDir, keychain),
    another: () => build(sim, mkdtempSync(path.join(os.tmpdir(), 'console-it-')), keychain),
    close: async () => {
      await services.shutdown();
      await sim.close();
    },
  };
}

/** Saves a connection to the simulator and connects as `login`. */
export async function connectAs(consoleUnderTest: ConsoleUnderTest, login = 'admin', password = login) {
  const saved = await consoleUnderTest.call('connections:save', {
    name: 'Simulator',
    url: consoleUnderTest.sim.url,
    database: consoleUnderTest.sim.database,
    login,
    password,
  });
  const report = await consoleUnderTest.call('connections:connect', { id: saved.id });
  return { saved, report };
}

/**
 * A test file's consoles, each closed after its test, the last started first. `open` may
 * be added to or have a console's close replaced (a crash leaves its server running);
 * `connected()` starts one against its own simulator, signed in as the admin.
 */
export function consolesPerTest(): { open: ConsoleUnderTest[]; connected: () => Promise<ConsoleUnderTest> } {
  const open: ConsoleUnderTest[] = [];
  afterEach(async () => {
    for (const console of open.splice(0).reverse()) await console.close().catch(() => undefined);
  });
  return {
    open,
    connected: async () => {
      const console = await startConsoleWithSim();
      open.push(console);
      await connectAs(console);
      return console;
    },
  };
}
