// The renderer's copy of main's session: pushes and answers may cross; the newer wins.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_MIRROR,
  applyAnswer,
  applyCountdown,
  applyStatePush,
  becameActive,
} from '../../../src-renderer/src/stores/session-mirror';
import { sessionView } from './support/session-view';

const session = sessionView;

describe('the session mirror', () => {
  it('takes the answer to current() when nothing was pushed meanwhile', () => {
    const mirror = applyAnswer(EMPTY_MIRROR, session('idle'), EMPTY_MIRROR.pushes);
    expect(mirror.view?.phase).toBe('idle');
  });

  it('keeps a push that arrived after the request over that request\'s older answer', () => {
    const asked = EMPTY_MIRROR.pushes;
    const pushed = applyStatePush(EMPTY_MIRROR, session('ended'));
    const mirror = applyAnswer(pushed, session('active'), asked);
    expect(mirror.view?.phase).toBe('ended');
  });

  it('takes an answer to a request sent after the last push', () => {
    const pushed = applyStatePush(EMPTY_MIRROR, session('active'));
    const mirror = applyAnswer(pushed, session('ended'), pushed.pushes);
    expect(mirror.view?.phase).toBe('ended');
  });

  it('moves the clock and the warning of an active session with each countdown', () => {
    const active = applyStatePush(EMPTY_MIRROR, session('active'));
    const mirror = applyCountdown(active, { secondsLeft: 299, warning: true });
    expect(mirror.view).toMatchObject({ phase: 'active', secondsLeft: 299, warning: true, reason: active.view?.reason });
  });

  it('ignores a late countdown once the session is no longer active', () => {
    const ended = applyStatePush(EMPTY_MIRROR, session('ended'));
    expect(applyCountdown(ended, { secondsLeft: 12, warning: true })).toBe(ended);
    expect(applyCountdown(EMPTY_MIRROR, { secondsLeft: 12, warning: false })).toBe(EMPTY_MIRROR);
  });
});

describe('when the Session screen comes forward', () => {
  it('when a starting session becomes active', () => {
    expect(becameActive(session('starting'), session('active'))).toBe(true);
  });

  it('when the console opens on a session that is already active', () => {
    expect(becameActive(null, session('active'))).toBe(true);
  });

  it('not again for every update of a session already active', () => {
    expect(becameActive(session('active'), session('active', { warning: true }))).toBe(false);
  });

  it('not for a session that is starting, stopping or over', () => {
    expect(becameActive(session('idle'), session('starting'))).toBe(false);
    expect(becameActive(session('active'), session('stopping'))).toBe(false);
    expect(becameActive(session('stopping'), session('ended'))).toBe(false);
  });
});
