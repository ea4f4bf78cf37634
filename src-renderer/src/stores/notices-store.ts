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

function add(notice: Notice): void {
  useNotices.setState((state) => ({ notices: [...state.notices, { ...notice, id: nextId++ }] }));
}

/** The notices raised before the UI started, then every new one. */
export function followNotices(): () => void {
  const unsubscribe = consoleApi().on.notice(add);
  consoleApi()
    .app.notices()
    .then((standing) => standing.forEach(add), () => undefined);
  return unsubscribe;
}
