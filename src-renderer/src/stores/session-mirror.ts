// How the renderer's copy of the session follows main: pushes (sessionState, countdown)
// and answers (current, start, stop) both carry main's SessionView, and may cross on
// the wire. Rule: a state push that arrived after a request was sent is newer than that
// request's answer, so the answer is dropped. Pure, so that it is tested in plain Node.
import type { Countdown, SessionView } from '../../../src-preload/contract';

export interface SessionMirror {
  /** null until main has answered or pushed. */
  view: SessionView | null;
  /** State pushes received so far: the clock that orders answers against pushes. */
  pushes: number;
}

export const EMPTY_MIRROR: SessionMirror = { view: null, pushes: 0 };

export function applyStatePush(mirror: SessionMirror, view: SessionView): SessionMirror {
  return { view, pushes: mirror.pushes + 1 };
}

/** `pushesAtRequest` is `mirror.pushes` when the request was sent. */
export function applyAnswer(mirror: SessionMirror, view: SessionView, pushesAtRequest: number): SessionMirror {
  return mirror.pushes === pushesAtRequest ? { ...mirror, view } : mirror;
}

/** The countdown only moves the clock of an active session; a late tick cannot revive an ended one. */
export function applyCountdown(mirror: SessionMirror, countdown: Countdown): SessionMirror {
  if (mirror.view?.phase !== 'active') return mirror;
  return { ...mirror, view: { ...mirror.view, secondsLeft: countdown.secondsLeft, warning: countdown.warning } };
}

/** The moment to bring the Session screen forward: a session has just become active. */
export function becameActive(before: SessionView | null, after: SessionView | null): boolean {
  return after?.phase === 'active' && before?.phase !== 'active';
}
