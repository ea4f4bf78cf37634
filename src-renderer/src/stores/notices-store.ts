// Notices main pushes (a rebuilt audit database, ...): shown until dismissed.
import { create } from 'zustand';
import type { Notice } from '../../../src-preload/contract';
import { consoleApi } from '../api';

interface NoticesState {
  notices: (Notice & { id: number })[];
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticesState>((set) => ({
  notices: [],
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));

/** Shows a notice; one of the same topic takes the place of the one shown (a pending recovery, then what it did). */
export function addNotice(notice: Notice): void {
  useNotices.setState((state) => {
    const shown = { ...notice, id: nextId++ };
    const same = notice.topic === undefined ? -1 : state.notices.findIndex((standing) => standing.topic === notice.topic);
    if (same < 0) return { notices: [...state.notices, shown] };
    return { notices: state.notices.map((standing, index) => (index === same ? shown : standing)) };
  });
}

/** The notices raised before the UI started, then every new one. */
export function followNotices(): () => void {
  const unsubscribe = consoleApi().on.notice(addNotice);
  consoleApi()
    .app.notices()
    .then((standing) => standing.forEach(addNotice), () => undefined);
  return unsubscribe;
}
