// The console's English words, read from its locale files, so that a reworded
// label breaks the locale file's own tests and not this suite.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const localesDir = path.resolve(import.meta.dirname, '../../../src-renderer/src/i18n/locales/en');

/** `file.path.to.key` as the console shows it in English, with {{params}} filled in. */
export function label(key: string, params: Record<string, string | number> = {}): string {
  const [file, ...rest] = key.split('.');
  let value: unknown = JSON.parse(readFileSync(path.join(localesDir, `${file}.json`), 'utf8'));
  for (const part of rest) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`no English text for ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** A label with one parameter left open, as an anchored pattern capturing it (e.g. the minutes left). */
export function labelPattern(key: string, open: string, params: Record<string, string | number> = {}): RegExp {
  const template = label(key, { ...params, [open]: '\u0000' });
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\u0000', '(\\d+)')}$`);
}
