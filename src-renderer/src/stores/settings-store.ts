// Mirrors main's settings: main owns them, this store only reflects what main
// answered or pushed (settingsChanged), and asks main to change them.
import { create } from 'zustand';
import type { Language, Settings, SettingsPatch } from '../../../src-preload/contract';
import { consoleApi } from '../api';
import { applyLanguage } from '../i18n';

interface SettingsState {
  settings: Settings | null;
  load(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  load: async () => {
    const settings = await consoleApi().settings.get();
    set({ settings });
    return settings;
  },
  update: async (patch) => {
    const settings = await consoleApi().settings.set(patch);
    set({ settings });
    if (patch.language) await applyLanguage(settings.language);
  },
  setLanguage: (language) => get().update({ language }),
}));

/** Keeps the store in step with changes made elsewhere (another window, the tray). */
export function followSettingsChanges(): () => void {
  return consoleApi().on.settingsChanged((settings) => {
    useSettings.setState({ settings });
    void applyLanguage(settings.language);
  });
}
