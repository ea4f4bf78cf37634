// Which screen the console shows. UI state only: no truth about sessions or data.
import { create } from 'zustand';

export const screenIds = ['connect', 'users', 'session', 'logs', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];

interface NavigationState {
  screen: ScreenId;
  go(screen: ScreenId): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'connect',
  go: (screen) => set({ screen }),
}));
