import { describe, expect, it } from 'vitest';
import { mainTranslator } from '../../../src-main/api/main-translator';

describe('mainTranslator', () => {
  it('says the tray status in English and Spanish, names unescaped', () => {
    expect(mainTranslator('en')('tray.statusActive', { name: 'Alice & Bob', minutes: 42 })).toBe('Impersonating Alice & Bob — 42 min left');
    expect(mainTranslator('es')('tray.stop')).not.toBe(mainTranslator('en')('tray.stop'));
  });

  it('answers the key itself for an unknown key rather than nothing', () => {
    expect(mainTranslator('es')('tray.nope')).toBe('tray.nope');
  });
});
