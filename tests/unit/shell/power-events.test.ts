// Power and session events per platform (finding 3 of issue 19): each platform's
// events come as Electron 40 sends them (tests/support/electron-mock.ts), and the
// session ends before the machine goes down on all three.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { BrowserWindow, powerMonitor } from 'electron';
import { watchPowerEvents, type PowerEventHandlers } from '../../../src-main/shell/power-events';
import { electronFake } from '../../support/electron-mock';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

interface Setup {
  endSession?: PowerEventHandlers['endSession'];
  shutdownWaitMs?: number;
  running?: boolean;
}

function setup(platform: 'linux' | 'darwin' | 'win32', { endSession = async () => {}, shutdownWaitMs = 5_000, running = true }: Setup = {}) {
  electronFake.reset({ platform });
  const calls: string[] = [];
  const warnings: string[] = [];
  const quit = deferred();
  const window = new BrowserWindow();
  const unsubscribe = watchPowerEvents(
    {
      endSession: (cause) => {
        calls.push(`end:${cause}`);
        return endSession(cause);
      },
      recheckDeadline: () => calls.push('recheck'),
      quit: () => {
        calls.push('quit');
        quit.resolve();
      },
      sessionRunning: () => running,
    },
    { logger: { warn: (event) => warnings.push(event) }, shutdownWaitMs, platform, window },
  );
  return { calls, warnings, quitted: quit.promise, unsubscribe };
}

beforeEach(() => electronFake.reset());

describe.each(['linux', 'darwin', 'win32'] as const)('on %s', (platform) => {
  it('ends the session when the machine goes to sleep, and rechecks the deadline on resume', () => {
    const { calls } = setup(platform);
    electronFake.powerEvent('suspend');
    electronFake.powerEvent('resume');
    expect(calls).toEqual(['end:suspend', 'recheck']);
  });

  it('ends the session when the system shuts down, then quits, before the OS goes on', async () => {
    const ending = deferred();
    const { calls, quitted } = setup(platform, { endSession: () => ending.promise });
    const outcome = electronFake.systemSessionEnds();
    expect(outcome).toBe(platform === 'win32' ? 'blocked' : 'delayed');
    expect(calls).toEqual(['end:shutdown']);
    ending.resolve();
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
  });

  it('quits after the bounded wait when the session cannot end in time', async () => {
    const { calls, warnings, quitted } = setup(platform, { endSession: () => new Promise<void>(() => {}), shutdownWaitMs: 20 });
    electronFake.systemSessionEnds();
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
    expect(warnings).toEqual(['power.shutdown-wait-expired']);
  });

  it('logs a failed end instead of throwing, and still quits', async () => {
    const { warnings, quitted } = setup(platform, {
      endSession: async () => {
        throw new Error('server unreachable');
      },
    });
    electronFake.systemSessionEnds();
    await quitted;
    expect(warnings).toEqual(['power.end-session-failed']);
  });

  it('stops listening when unsubscribed', () => {
    const { calls, unsubscribe } = setup(platform);
    unsubscribe();
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown']) {
      expect(powerMonitor.listenerCount(event)).toBe(0);
    }
    expect(electronFake.onlyWindow().listenerCount('query-session-end')).toBe(0);
    electronFake.powerEvent('suspend');
    expect(calls).toEqual([]);
  });
});

describe.each(['darwin', 'win32'] as const)('screen lock on %s', (platform) => {
  it.each(['lock-screen', 'unlock-screen'])('rechecks the deadline on %s', (event) => {
    const { calls } = setup(platform);
    electronFake.powerEvent(event);
    expect(calls).toEqual(['recheck']);
  });
});

describe('Linux and macOS', () => {
  it('handle one shutdown only, even if the system repeats it', async () => {
    const { calls, quitted } = setup('linux');
    electronFake.powerEvent('shutdown');
    electronFake.powerEvent('shutdown');
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
  });

  it('Linux sends no lock events: the deadline is rechecked on resume and on the tick', () => {
    setup('linux');
    expect(() => electronFake.powerEvent('lock-screen')).toThrow(/never emits/);
  });
});

describe('Windows', () => {
  it('never gets a powerMonitor shutdown: the windows are told instead', () => {
    setup('win32');
    expect(() => electronFake.powerEvent('shutdown')).toThrow(/never emits/);
    expect(electronFake.onlyWindow().listenerCount('query-session-end')).toBe(1);
  });

  it('does not hold a shutdown or log-off when no session runs', () => {
    const { calls } = setup('win32', { running: false });
    expect(electronFake.systemSessionEnds(['logoff'])).toBe('killed');
    expect(calls).toEqual(['end:shutdown']); // session-end: started anyway, there is nothing to end
  });

  it('starts the end at session-end when the shutdown could not be held (critical)', () => {
    const { calls } = setup('win32');
    const window = electronFake.onlyWindow();
    window.emit('session-end', { reasons: ['critical'], preventDefault() {} });
    window.emit('session-end', { reasons: ['critical'], preventDefault() {} });
    expect(calls).toEqual(['end:shutdown']);
  });
});
