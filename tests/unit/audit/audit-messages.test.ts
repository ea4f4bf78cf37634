import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'src-renderer/src/i18n/locales', lang, 'audit.json'), 'utf8')) as Record<string, string>;

/** Every `'audit.xyz'` key the store's code can raise. */
function keysUsedInCode(): string[] {
  const dir = join(root, 'src-main/audit');
  const keys = new Set<string>();
  for (const name of readdirSync(dir)) {
    for (const match of readFileSync(join(dir, name), 'utf8').matchAll(/'audit\.([a-zA-Z]+)'/g)) keys.add(match[1]!);
  }
  return [...keys].sort();
}

describe('audit messages', () => {
  it('has every key the store raises, in English and Spanish, none empty', () => {
    const en = load('en');
    const es = load('es');
    for (const key of keysUsedInCode()) {
      expect(en[key], `en ${key}`).toBeTruthy();
      expect(es[key], `es ${key}`).toBeTruthy();
    }
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const en = load('en');
    const es = load('es');
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(placeholders(es[key]!), key).toEqual(placeholders(en[key]!));
  });
});
