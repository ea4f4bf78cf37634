import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { powerMonitor } from 'electron';
import { watchPowerEvents, type PowerEventHandlers } from '../../../src-main/shell/power-events';
import { fakeEvent, electronFake } from '../../support/electron-mock';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function setup(endSession: PowerEventHandlers['endSession'] = async () => {}, shutdownWaitMs = 5_000) {
  const calls: string[] = [];
  const warnings: string[] = [];
  const quit = deferred();
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
    },
    { logger: { warn: (event) => warnings.push(event) }, shutdownWaitMs },
  );
  return { calls, warnings, quitted: quit.promise, unsubscribe };
}

beforeEach(() => electronFake.reset());

describe('watchPowerEvents', () => {
  it('ends the session when the machine goes to sleep', () => {
    const { calls } = setup();
    powerMonitor.emit('suspend');
    expect(calls).toEqual(['end:suspend']);
  });

  it.each(['resume', 'unlock-screen', 'lock-screen'])('rechecks the deadline on %s', (event) => {
    const { calls } = setup();
    powerMonitor.emit(event);
    expect(calls).toEqual(['recheck']);
  });

  it('delays a shutdown, ends the session, then quits', async () => {
    const ending = deferred();
    const { calls, quitted } = setup(() => ending.promise);
    const shutdown = fakeEvent();
    powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.defaultPrevented).toBe(true);
    expect(calls).toEqual(['end:shutdown']);
    ending.resolve();
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
  });

  it('quits after the bounded wait when the session cannot end in time', async () => {
    const { calls, warnings, quitted } = setup(() => new Promise<void>(() => {}), 20);
    powerMonitor.emit('shutdown', fakeEvent());
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
    expect(warnings).toEqual(['power.shutdown-wait-expired']);
  });

  it('handles one shutdown only, even if the system repeats it', async () => {
    const { calls, quitted } = setup();
    powerMonitor.emit('shutdown', fakeEvent());
    powerMonitor.emit('shutdown', fakeEvent());
    await quitted;
    expect(calls).toEqual(['end:shutdown', 'quit']);
  });

  it('logs a failed end instead of throwing, and still quits on shutdown', async () => {
    const { warnings, quitted } = setup(async () => {
      throw new Error('server unreachable');
    });
    powerMonitor.emit('shutdown', fakeEvent());
    await quitted;
    expect(warnings).toEqual(['power.end-session-failed']);
  });

  it('stops listening when unsubscribed', () => {
    const { calls, unsubscribe } = setup();
    unsubscribe();
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown']) {
      expect(powerMonitor.listenerCount(event)).toBe(0);
    }
    powerMonitor.emit('suspend');
    expect(calls).toEqual([]);
  });
});
