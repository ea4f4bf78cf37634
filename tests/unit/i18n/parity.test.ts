// English and Spanish must say everything the console can say: the same keys,
// no empty values, every literal key the UI uses must exist, and each language keeps
// to its glossary (src-renderer/src/i18n/glossary.<lng>.json): one word per concept.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const localesDir = path.resolve('src-renderer/src/i18n/locales');
const glossaryFile = (language: string) => path.resolve(`src-renderer/src/i18n/glossary.${language}.json`);

interface Concept {
  /** The forms of the one word this language uses for the concept. */
  terms: string[];
  /** Synonyms that would make one thing sound like two. */
  avoid: string[];
}
type Glossary = Record<string, Concept>;

function loadGlossary(language: string): Glossary {
  const raw = JSON.parse(readFileSync(glossaryFile(language), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([concept]) => !concept.startsWith('_'))) as Glossary;
}

/** The word on its own (not inside a longer word), whatever its case; {{placeholders}} are not words. */
function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
}

function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ');
}

/** Every place a locale breaks its glossary, as "key: says X for <concept>, say Y". */
function glossaryFindings(keys: Map<string, unknown>, glossary: Glossary): string[] {
  const findings: string[] = [];
  const texts = [...keys].map(([key, value]) => [key, withoutPlaceholders(String(value))] as const);
  for (const [concept, { terms, avoid }] of Object.entries(glossary)) {
    for (const [key, text] of texts) {
      for (const word of avoid) {
        if (wordPattern(word).test(text)) findings.push(`${key}: says “${word}” for ${concept}; say “${terms[0]}”`);
      }
    }
    if (!texts.some(([, text]) => terms.some((term) => wordPattern(term).test(text)))) {
      findings.push(`${concept}: none of ${terms.join(', ')} is used anywhere`);
    }
  }
  return findings;
}

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

  it('has one glossary per language, with the same concepts', () => {
    expect(Object.keys(loadGlossary('es')).sort()).toEqual(Object.keys(loadGlossary('en')).sort());
  });

  for (const [language, keys] of [['en', en], ['es', es]] as const) {
    it(`keeps to the ${language} glossary: one word per concept, no synonym`, () => {
      expect(glossaryFindings(keys, loadGlossary(language))).toEqual([]);
    });
  }

  it('finds a synonym for a glossary concept, and a missing key, in a locale that has them', () => {
    const glossary = loadGlossary('es');
    const broken = new Map(es);
    broken.set('session.endCause.banner', 'detenida desde el aviso');
    expect(glossaryFindings(broken, glossary)).toContain('session.endCause.banner: says “aviso” for banner; say “banner”');
    broken.delete('logs.title');
    expect([...broken.keys()].sort()).not.toEqual([...en.keys()].sort());
  });
});
