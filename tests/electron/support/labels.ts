// The console's English words, read from its locale files, so that a reworded
// label breaks the locale file's own tests and not this suite.
import { translate } from '../../e2e/support/locale-text';

/** `file.path.to.key` as the console shows it in English, with {{params}} filled in. */
export function label(key: string, params: Record<string, string | number> = {}): string {
  return translate('en', key, params);
}

/** A label with one parameter left open, as an anchored pattern capturing it (e.g. the minutes left). */
export function labelPattern(key: string, open: string, params: Record<string, string | number> = {}): RegExp {
  const template = label(key, { ...params, [open]: '\u0000' });
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\u0000', '(\\d+)')}$`);
}
