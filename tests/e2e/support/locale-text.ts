// What the console says, read from its locale files, so that the e2e specs check both
// languages with the same steps and survive a rewording.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Language = 'en' | 'es';

const localesDir = path.resolve(import.meta.dirname, '../../../src-renderer/src/i18n/locales');

/** `{{name}}` and `{{name, number}}` placeholders. */
const PLACEHOLDER = /\{\{(\w+)(?:,\s*\w+)?\}\}/g;

function raw(language: Language, key: string): string {
  const [file, ...rest] = key.split('.');
  let value: unknown = JSON.parse(readFileSync(path.join(localesDir, language, `${file}.json`), 'utf8'));
  for (const part of rest) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no ${language} text for ${key}`);
  return value;
}

/** The translation of `file.path.to.key`, with {{params}} filled in (no escaping: as i18next is set up). */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  return raw(language, key).replace(PLACEHOLDER, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** A translation with one parameter left open, as a pattern (e.g. the seconds to wait). */
export function pattern(language: Language, key: string, open: string, params: Record<string, string | number> = {}): RegExp {
  const template = translate(language, key, { ...params, [open]: '\u0000' });
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace('\u0000', '[\\d.,]+'));
}

/** `translate` bound to one language. */
export function translator(language: Language): (key: string, params?: Record<string, string | number>) => string {
  return (key, params) => translate(language, key, params);
}
