// Focuses a panel's heading when the session store says this panel is where focus goes
// (a session just began, or just ended): once, then the user's own focus is left alone.
import { useEffect, type RefObject } from 'react';
import { useSession } from '../../stores/session-store';
import type { SessionFocus } from '../../stores/session-panel';

export function useArrivalFocus(which: SessionFocus, heading: RefObject<HTMLElement | null>): void {
  const pending = useSession((state) => state.pendingFocus === which);
  useEffect(() => {
    if (pending && useSession.getState().takeFocus(which)) heading.current?.focus();
  }, [pending, which, heading]);
}
