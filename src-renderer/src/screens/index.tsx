// One entry per screen of the navigation.
import type { ReactElement } from 'react';
import type { ScreenId } from '../stores/navigation-store';
import { ConnectScreen } from './connect/ConnectScreen';
import { LogsScreen } from './logs/LogsScreen';
import { SessionScreen } from './session/SessionScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { UsersScreen } from './users/UsersScreen';

export const screens: Record<ScreenId, () => ReactElement> = {
  connect: () => <ConnectScreen />,
  users: () => <UsersScreen />,
  session: () => <SessionScreen />,
  logs: () => <LogsScreen />,
  settings: () => <SettingsScreen />,
};
