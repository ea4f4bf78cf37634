// The notices main sends about crash recovery (api/recovery-notices.ts) read as whole
// sentences in English and Spanish: i18next picks the variant by the notice's `context`
// (Odoo 17: the clean-up job ran, never ran, or is off; after recovery: what the server
// allowed), and a notice of the same topic replaces the pending one.
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../src-preload/contract';
import { ConsoleEvents } from '../../../src-main/api/console-events';
import { announceRecovery, leftOpenNotice, pendingNotice, recoveredNotice } from '../../../src-main/api/recovery-notices';
import type { RecoveredSession } from '../../../src-main/core';

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

describe('what recovery closed replaces the notice that sessions were pending (one topic per server)', () => {
  const key = 'https://odoo.example.com|prod';
  const recovered = (logRow: RecoveredSession['logRow'], endEntry = true): RecoveredSession => ({
    sessionId: 4,
    sessionIdentifier: 'x'.repeat(42),
    targetName: 'Alice Anderson',
    startedAt: '2026-11-29 15:02:11',
    revoke: 'revoked',
    logRow,
    endEntry,
    detail: '',
  });
  const closed = { outcome: 'closed' as const, rowId: 17, at: '2026-11-29 16:00:00' };

  it('clears the pending notice once nothing is left open, and says what was closed', () => {
    const events = new ConsoleEvents();
    const shown: Notice[] = [];
    events.listen((name, payload) => name === 'notice' && shown.push(payload as Notice));
    events.noticeForEveryone(pendingNotice(key, 1));
    announceRecovery(events, { recovered: [recovered(closed)], leftOpen: [], failed: [] }, key);
    expect(events.standingNotices()).toEqual([shown[1]]);
    const done = shown[1]!;
    expect(done).toMatchObject({ key: 'console.recoveryDone', level: 'info', topic: shown[0]!.topic });
    const text = en(done.key, done.params);
    expect(text).toBe(
      "The impersonation session a previous run left open on https://odoo.example.com is closed: Alice Anderson (2026-11-29 15:02:11 UTC). It was ended on the server, its entry in Odoo's impersonation log was closed, and the server's log now says it ended as “recovered”.",
    );
    expect(es(done.key, done.params)).toContain('Alice Anderson (2026-11-29 15:02:11 UTC)');
  });

  it('keeps saying pending while a session could not be recovered', () => {
    const events = new ConsoleEvents();
    events.noticeForEveryone(pendingNotice(key, 2));
    announceRecovery(events, { recovered: [recovered(closed)], leftOpen: [], failed: [{ sessionId: 5, sessionIdentifier: null, error: 'network' }] }, key);
    const [standing] = events.standingNotices();
    expect(events.standingNotices()).toHaveLength(1);
    expect(en(standing!.key, standing!.params)).toContain('An impersonation session from a previous run is still open on https://odoo.example.com');
  });

  it('says when the server refused to close its log row, when the session stays valid (17), and when not all was done', () => {
    const refused = recoveredNotice({ recovered: [recovered({ outcome: 'refused', rowId: 17, at: null, message: 'no' })], leftOpen: [], failed: [] }, key);
    expect(en(refused.key, refused.params)).toContain('The server refused to close its entry');
    expect(es(refused.key, refused.params)).toContain('El servidor no permitió cerrar su entrada');
    const valid = recoveredNotice(
      { recovered: [recovered(closed)], leftOpen: [{ ...left, cleanup: 'never', cleanupLastRun: null }], failed: [] },
      key,
    );
    expect(en(valid.key, valid.params)).toContain('cannot end the session itself');
    const partial = recoveredNotice({ recovered: [recovered(closed, false), recovered(closed)], leftOpen: [], failed: [] }, key);
    expect(en(partial.key, partial.params)).toContain('The 2 impersonation sessions a previous run left open');
    expect(en(partial.key, partial.params)).toContain('Not everything could be closed on the server');
    for (const notice of [refused, valid, partial]) {
      expect(en(notice.key, notice.params)).not.toContain('{{');
      expect(es(notice.key, notice.params)).not.toContain('{{');
    }
  });
});
