// One entry per screen of the navigation. A screen not built yet says so.
import type { ReactElement } from 'react';
import type { ScreenId } from '../stores/navigation-store';
import { NotBuiltYet } from './NotBuiltYet';
import { SettingsScreen } from './SettingsScreen';

export const screens: Record<ScreenId, () => ReactElement> = {
  connect: () => <NotBuiltYet screen="Connect" />,
  users: () => <NotBuiltYet screen="Users" />,
  session: () => <NotBuiltYet screen="Session" />,
  logs: () => <NotBuiltYet screen="Logs" />,
  settings: () => <SettingsScreen />,
};
