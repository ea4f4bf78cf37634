// Translations for what main itself shows outside the UI (tray, window title,
// the error box of a failed start, the demo's words): the same resource files as
// the renderer, so the parity and glossary tests cover them too.
import demoEn from '../../src-renderer/src/i18n/locales/en/demo.json';
import demoEs from '../../src-renderer/src/i18n/locales/es/demo.json';
import desktopEn from '../../src-renderer/src/i18n/locales/en/desktop.json';
import desktopEs from '../../src-renderer/src/i18n/locales/es/desktop.json';
import trayEn from '../../src-renderer/src/i18n/locales/en/tray.json';
import trayEs from '../../src-renderer/src/i18n/locales/es/tray.json';
import type { Language } from '../../src-preload/contract';

type Params = Record<string, string | number>;
type Resource = Record<string, Record<string, string>>;

const resources: Record<Language, Resource> = {
  en: { tray: trayEn, desktop: desktopEn, demo: demoEn },
  es: { tray: trayEs, desktop: desktopEs, demo: demoEs },
};

/** A `t` for one language; interpolates {{name}} without HTML escaping (not HTML). */
export function mainTranslator(language: Language): (key: string, params?: Params) => string {
  return (key, params) => {
    const [file, entry] = key.split('.', 2) as [string, string];
    const text = resources[language][file]?.[entry] ?? resources.en[file]?.[entry] ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params?.[name] ?? ''));
  };
}
