// Mirrors main's impersonation session: what current() answers at load and what main
// pushes (sessionState, countdown). Main owns the session, its deadline and its end;
// this store only reflects them and forwards start and stop.
import { create } from 'zustand';
import type { SessionView, ViewRefusal } from '../../../src-preload/contract';
import { consoleApi } from '../api';
import { focusAfter, type SessionFocus } from './session-panel';
import { useNavigation } from './navigation-store';
import {
  EMPTY_MIRROR,
  applyAnswer,
  applyCountdown,
  applyStatePush,
  becameActive,
  type SessionMirror,
} from './session-mirror';

interface SessionState extends SessionMirror {
  /** A stop request is on its way (the button says so before main's push arrives). */
  stopRequested: boolean;
  stopError: unknown;
  loadError: unknown;
  /** The last thing the embedded page was refused, while the session runs (shown in the banner). */
  viewRefusal: ViewRefusal | null;
  dismissRefusal(): void;
  /** A heading to focus once it is on screen (see focusAfter); taken by the panel that shows it. */
  pendingFocus: SessionFocus | null;
  /** True once for the panel whose heading should take focus now. */
  takeFocus(which: SessionFocus): boolean;
  /** Reads main's session once (at start-up, or to refresh). */
  load(): Promise<void>;
  /** Asks main to start; rejects with main's ConsoleCallError (refusal, failure) for the caller to show. */
  start(targetId: number, reason: string): Promise<SessionView>;
  /** Asks main to stop (main records the cause "banner"). */
  stop(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => {
  const answered = (view: SessionView, pushesAtRequest: number) =>
    mirror((current) => applyAnswer(current, view, pushesAtRequest));

  return {
    ...EMPTY_MIRROR,
    stopRequested: false,
    stopError: null,
    loadError: null,
    viewRefusal: null,
    dismissRefusal: () => set({ viewRefusal: null }),
    pendingFocus: null,
    takeFocus: (which) => {
      if (get().pendingFocus !== which) return false;
      set({ pendingFocus: null });
      return true;
    },
    load: async () => {
      const pushes = get().pushes;
      try {
        answered(await consoleApi().impersonation.current(), pushes);
        set({ loadError: null });
      } catch (error) {
        set({ loadError: error });
      }
    },
    start: async (targetId, reason) => {
      const pushes = get().pushes;
      set({ stopError: null });
      const view = await consoleApi().impersonation.start({ targetId, reason });
      answered(view, pushes);
      return view;
    },
    stop: async () => {
      const pushes = get().pushes;
      set({ stopRequested: true, stopError: null });
      try {
        answered(await consoleApi().impersonation.stop(), pushes);
      } catch (error) {
        set({ stopError: error });
      } finally {
        set({ stopRequested: false });
      }
    },
  };
});

/**
 * Follows main's pushes for the life of the UI, whichever screen is shown (the lead
 * calls it once in main.tsx, like followSettingsChanges), then reads the current
 * session. Returns an unsubscribe.
 */
export function followSession(): () => void {
  const api = consoleApi();
  const unsubscribes = [
    api.on.sessionState((view) => mirror((current) => applyStatePush(current, view))),
    api.on.countdown((countdown) => mirror((current) => applyCountdown(current, countdown))),
    api.on.viewRefused((refusal) => useSession.setState({ viewRefusal: refusal })),
  ];
  void useSession.getState().load();
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

/** Applies a change to the mirror, and brings the Session screen forward when a session became active. */
function mirror(next: (current: SessionMirror) => SessionMirror): void {
  const state = useSession.getState();
  const after = next(state);
  // A refusal belongs to the session it happened in; a read-only refusal no longer holds once changes are allowed.
  const unlocked = after.view?.changes?.allowed === true && state.view?.changes?.allowed !== true;
  const viewRefusal = after.view?.phase === 'active' && !(unlocked && state.viewRefusal?.kind === 'read-only') ? state.viewRefusal : null;
  const focus = focusAfter(state.view, after.view);
  useSession.setState({ view: after.view, pushes: after.pushes, viewRefusal, ...(focus ? { pendingFocus: focus } : {}) });
  if (becameActive(state.view, after.view)) useNavigation.getState().go('session');
}
