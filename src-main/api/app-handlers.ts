// app:* and settings:* — the calls that exercise the whole path from the UI to
// main and back: app information and the persisted settings.
import type { AppInfo, ConsoleHandlers } from '../../src-preload/contract';
import type { SettingsStore } from '../settings';
import type { ConsoleEvents } from './console-events';

export function appHandlers(
  info: AppInfo,
  settings: SettingsStore,
  events: ConsoleEvents,
): Pick<ConsoleHandlers, 'app:info' | 'app:notices' | 'settings:get' | 'settings:set'> {
  return {
    'app:info': () => info,
    'app:notices': () => events.standingNotices(),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      const next = settings.set(patch);
      events.emit('settingsChanged', next);
      return next;
    },
  };
}
