// i18next with every JSON file under locales/<lng>/ merged under its file name:
// locales/en/odoo.json's "accessDenied" is the key "odoo.accessDenied".
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../src-preload/contract';

type Resource = Record<string, unknown>;

const files = import.meta.glob<Resource>('./locales/*/*.json', { eager: true, import: 'default' });

function resourcesFor(language: Language): Resource {
  const resource: Resource = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /\.\/locales\/([a-z]+)\/([\w-]+)\.json$/.exec(file);
    if (match && match[1] === language) resource[match[2]!] = content;
  }
  return resource;
}

export const languages: Language[] = ['en', 'es'];

export async function setupI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      en: { translation: resourcesFor('en') },
      es: { translation: resourcesFor('es') },
    },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
