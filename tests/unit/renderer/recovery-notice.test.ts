// The notice main sends after crash recovery on Odoo 17 (api/recovery-notices.ts)
// reads as a whole sentence in English and Spanish: i18next picks the variant by
// the notice's `context` (the clean-up job ran, never ran, or is off).
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftOpenNotice } from '../../../src-main/api/recovery-notices';

const locale = (language: string) => JSON.parse(readFileSync(`src-renderer/src/i18n/locales/${language}/console.json`, 'utf8')) as object;
const i18n = i18next.createInstance();
let en: TFunction;
let es: TFunction;

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: { console: locale('en') } }, es: { translation: { console: locale('es') } } },
    interpolation: { escapeValue: false },
  });
  en = i18n.getFixedT('en');
  es = i18n.getFixedT('es');
});

const left = { sessionId: 4, targetName: 'Alice Anderson', startedAt: '2026-11-29 15:02:11', serverLogClosed: true, maxInactivitySeconds: 604_800 };

describe('the notice of a session left open on Odoo 17', () => {
  it('says which session, since when, for how long, and how to end it, for each state of the clean-up job', () => {
    const never = leftOpenNotice({ ...left, cleanup: 'never', cleanupLastRun: null }, 'https://odoo.example.com');
    const text = en(never.key, never.params);
    expect(text).toContain('https://odoo.example.com');
    expect(text).toContain('2026-11-29 15:02:11 UTC to work as Alice Anderson');
    expect(text).toContain('unused for 7 days');
    expect(text).toContain('has never run on this server');
    expect(text).toContain("change Alice Anderson's password");
    expect(es(never.key, never.params)).toContain('nunca se ha ejecutado en este servidor');

    const ran = leftOpenNotice({ ...left, cleanup: 'ran', cleanupLastRun: '2026-11-28 03:00:00' }, 'https://odoo.example.com');
    expect(en(ran.key, ran.params)).toContain('it last ran at 2026-11-28 03:00:00 UTC');
    expect(es(ran.key, ran.params)).toContain('se ejecutó por última vez a las 2026-11-28 03:00:00 UTC');

    const off = leftOpenNotice({ ...left, cleanup: 'off', cleanupLastRun: null }, 'https://odoo.example.com');
    expect(en(off.key, off.params)).toContain('switched off');
    expect(es(off.key, off.params)).toContain('desactivada');
    for (const notice of [never, ran, off]) expect(en(notice.key, notice.params)).not.toContain('{{');
  });
});
