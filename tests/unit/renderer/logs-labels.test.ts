// Words for the audit's codes, with the console's real English and Spanish files.
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainBreakLabel, endCauseLabel, outcomeText, refusalLabel } from '../../../src-renderer/src/screens/logs/labels';

const locale = (language: string) => JSON.parse(readFileSync(`src-renderer/src/i18n/locales/${language}/logs.json`, 'utf8')) as object;
const i18n = i18next.createInstance();
let en: TFunction;
let es: TFunction;
const exists = (key: string) => i18n.exists(key);

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: { logs: locale('en') } }, es: { translation: { logs: locale('es') } } },
    interpolation: { escapeValue: false },
  });
  en = i18n.getFixedT('en');
  es = i18n.getFixedT('es');
});

describe('labels for stored codes', () => {
  it('translates every refusal code of a multi-reason refusal', () => {
    expect(refusalLabel(en, exists, 'administrator,self')).toBe('an administrator, yourself');
    expect(refusalLabel(es, exists, 'rate-limited')).toBe('demasiados intentos');
  });

  it('names the field of input the console refused, and the new refusals and end cause of issue 11', () => {
    expect(refusalLabel(en, exists, 'invalid-input:targetId')).toBe('input the console could not accept (targetId)');
    expect(refusalLabel(es, exists, 'invalid-input:reason')).toBe('datos que la consola no pudo aceptar (reason)');
    expect(refusalLabel(en, exists, 'admin-not-system')).toBe('no longer a Settings administrator');
    expect(refusalLabel(en, exists, 'reason-invisible')).toBe('reason mostly invisible characters');
    expect(endCauseLabel(es, 'tampered')).toBe('sesión cambiada (manipulada)');
  });

  it('says which end cancelled an attempt', () => {
    expect(refusalLabel(en, exists, 'cancelled:tray')).toBe('cancelled (stopped from the tray)');
  });

  it('shows a code it has no word for as stored, rather than hiding it', () => {
    expect(refusalLabel(en, exists, 'something-new')).toBe('something-new');
    expect(endCauseLabel(en, 'unheard-of')).toBe('unheard-of');
    expect(chainBreakLabel(en, 'mystery')).toBe('mystery');
  });

  it('puts the outcome and why together', () => {
    expect(outcomeText(es, exists, { outcome: 'ended', endCause: 'window-close', refusal: null })).toBe('Terminado · ventana cerrada');
    expect(outcomeText(en, exists, { outcome: 'refused', endCause: null, refusal: 'portal' })).toBe('Refused · a portal user');
    expect(outcomeText(en, exists, { outcome: 'open', endCause: null, refusal: null })).toBe('Open');
  });

  it('names a chain break in words', () => {
    expect(chainBreakLabel(es, 'row-altered')).toBe('el evento se modificó después de escribirse');
  });
});
