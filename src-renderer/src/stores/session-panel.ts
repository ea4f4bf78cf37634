// Which panel the Session screen shows for what main says about the session.
import type { SessionView } from '../../../src-preload/contract';

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

/** The heading that takes focus after a change the user did not navigate to. */
export type SessionFocus = 'banner' | 'ended';

/**
 * Where focus goes when main's session changes: to the banner's heading when a session
 * has just become active, to the ended heading when one has just ended (after Stop the
 * button that had focus is gone, and focus would otherwise fall back to the page body).
 */
export function focusAfter(before: SessionView | null, after: SessionView | null): SessionFocus | null {
  const was = sessionPanel(before);
  const now = sessionPanel(after);
  if (now === 'active' && was !== 'active') return 'banner';
  const over = (panel: SessionPanel) => panel === 'ended' || panel === 'server-end-pending';
  if (over(now) && !over(was) && was !== 'loading' && was !== 'idle') return 'ended';
  return null;
}
