// Which panel the Session screen shows for what main says about the session.
import type { SessionView } from '../../../../src-preload/contract';

export type SessionPanel = 'loading' | 'idle' | 'starting' | 'active' | 'stopping' | 'server-end-pending' | 'ended';

export function sessionPanel(view: SessionView | null): SessionPanel {
  if (view === null) return 'loading';
  // FT-3: the view is already gone while main retries the server end; say so rather than "stopping".
  if (view.serverEndPending && (view.phase === 'stopping' || view.phase === 'ended')) return 'server-end-pending';
  return view.phase;
}

/** A session the console is running or still closing: the nav's indicator stays visible. */
export function sessionInProgress(view: SessionView | null): boolean {
  return view !== null && (view.phase === 'starting' || view.phase === 'active' || view.phase === 'stopping' || view.serverEndPending);
}
