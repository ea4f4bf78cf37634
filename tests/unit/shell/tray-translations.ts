// The real tray resources through a real i18next, as the composition root will
// use them (escapeValue off: tray labels are not HTML).
import i18next from 'i18next';
import type { Language } from '../../../src-preload/contract';
import type { Translate } from '../../../src-main/shell/session-status-text';
import enTray from '../../../src-renderer/src/i18n/locales/en/tray.json';
import esTray from '../../../src-renderer/src/i18n/locales/es/tray.json';

export const trayResources = { en: enTray, es: esTray };

export async function trayTranslator(language: Language): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: { tray: trayResources[language] } } },
    interpolation: { escapeValue: false },
  });
  return (key, params) => instance.t(key, params ?? {});
}
