// A SessionView as main would push it for a phase, for the renderer's unit tests.
import type { SessionView } from '../../../../src-preload/contract';

export const alice = { id: 7, name: 'Alice Anderson', login: 'alice' };

export function sessionView(phase: SessionView['phase'], extra: Partial<SessionView> = {}): SessionView {
  const running = phase !== 'idle';
  return {
    phase,
    target: running ? alice : null,
    reason: running ? 'Ticket 4711: cannot confirm orders' : null,
    startedAt: null,
    endedAt: null,
    deadline: null,
    secondsLeft: phase === 'active' ? 3600 : null,
    warning: false,
    serverEndPending: false,
    endCause: phase === 'stopping' || phase === 'ended' ? 'banner' : null,
    error: null,
    recordId: null,
    changes: running ? { allowed: false, fromStart: false, allowedAt: null } : null,
    ...extra,
  };
}
