// English and Spanish must say everything the console can say: the same keys,
// no empty values, and every literal key the UI uses must exist.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = path.resolve('src-renderer/src/i18n/locales');

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, value);
  return into;
}

function load(language: string): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  for (const file of readdirSync(path.join(localesDir, language))) {
    if (!file.endsWith('.json')) continue;
    const content = JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8'));
    flatten(content, file.replace(/\.json$/, ''), keys);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
}

describe('translations', () => {
  const en = load('en');
  const es = load('es');

  it('has the same keys in English and Spanish', () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('has no empty or non-text value', () => {
    for (const [language, keys] of [['en', en], ['es', es]] as const) {
      for (const [key, value] of keys) {
        expect(typeof value === 'string' && value.trim().length > 0, `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('knows every literal key the UI asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve('src-renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1]!;
        if (!en.has(key) && ![...en.keys()].some((known) => known.startsWith(`${key}_`))) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
