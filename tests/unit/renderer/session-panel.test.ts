// What the Session screen and the nav indicator show for each state main reports.
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../src-preload/contract';
import { focusAfter, sessionInProgress, sessionPanel } from '../../../src-renderer/src/stores/session-panel';
import { sessionView } from './support/session-view';

function session(phase: SessionView['phase'], serverEndPending = false): SessionView {
  return sessionView(phase, { serverEndPending, secondsLeft: null });
}

describe('the Session screen panel', () => {
  it('waits for main before saying anything', () => {
    expect(sessionPanel(null)).toBe('loading');
  });

  it('follows the phase main reports', () => {
    for (const phase of ['idle', 'starting', 'active', 'stopping', 'ended'] as const) {
      expect(sessionPanel(session(phase))).toBe(phase);
    }
  });

  it('says the server-side end is pending rather than "stopping" once the view is gone and main retries (FT-3)', () => {
    expect(sessionPanel(session('stopping', true))).toBe('server-end-pending');
    expect(sessionPanel(session('ended', true))).toBe('server-end-pending');
  });
});

describe('the nav indicator', () => {
  it('shows while a session starts, runs, stops or still waits for its server end', () => {
    expect(sessionInProgress(session('starting'))).toBe(true);
    expect(sessionInProgress(session('active'))).toBe(true);
    expect(sessionInProgress(session('stopping'))).toBe(true);
    expect(sessionInProgress(session('ended', true))).toBe(true);
  });

  it('is gone when no session is running', () => {
    expect(sessionInProgress(null)).toBe(false);
    expect(sessionInProgress(session('idle'))).toBe(false);
    expect(sessionInProgress(session('ended'))).toBe(false);
  });
});

describe('where focus goes when the session changes', () => {
  it('goes to the banner heading when a session has just become active', () => {
    expect(focusAfter(session('starting'), session('active'))).toBe('banner');
    expect(focusAfter(null, session('active'))).toBe('banner');
  });

  it('goes to the ended heading when a running or stopping session has just ended', () => {
    expect(focusAfter(session('active'), session('stopping'))).toBeNull();
    expect(focusAfter(session('stopping'), session('ended'))).toBe('ended');
    expect(focusAfter(session('active'), session('ended'))).toBe('ended');
    expect(focusAfter(session('stopping'), session('stopping', true))).toBe('ended');
  });

  it('stays where the user put it otherwise: a countdown tick, or an old session read at start-up', () => {
    expect(focusAfter(session('active'), session('active'))).toBeNull();
    expect(focusAfter(null, session('ended'))).toBeNull();
    expect(focusAfter(session('ended', true), session('ended'))).toBeNull();
    expect(focusAfter(session('idle'), session('starting'))).toBeNull();
  });
});
