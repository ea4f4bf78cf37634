// The persisted settings, as the ConsoleApi and the composition root use them.
export { DEFAULT_SETTINGS, SettingsStore } from './settings-store';
