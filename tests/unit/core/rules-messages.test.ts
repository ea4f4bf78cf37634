// Every refusal and error key the core rules can produce has its text in both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const load = (lng: string): Record<string, string> =>
  JSON.parse(readFileSync(join(root, 'src-renderer/src/i18n/locales', lng, 'rules.json'), 'utf8'));

const usedKeys = readdirSync(join(root, 'src-main/core'))
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => [...readFileSync(join(root, 'src-main/core', f), 'utf8').matchAll(/'rules\.(\w+)'/g)].map((m) => m[1]));

describe('rules messages', () => {
  it('the core produces rules.* keys (this test sees them)', () => {
    expect(usedKeys.length).toBeGreaterThan(15);
  });

  it.each(['en', 'es'])('%s has a non-empty text for every key the core uses', (lng) => {
    const texts = load(lng);
    for (const key of usedKeys) expect(texts[key as string], `rules.${key}`).toMatch(/\S/);
  });

  it('English and Spanish have the same keys and the same placeholders', () => {
    const en = load('en');
    const es = load('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(placeholders(es[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
  });
});
