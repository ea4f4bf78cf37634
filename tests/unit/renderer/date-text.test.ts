// The Logs' date filters are typed the way the console's language writes dates, not the
// way the browser's locale does (<input type=date> showed mm/dd/yyyy under Spanish).
import { describe, expect, it } from 'vitest';
import { dateOrder, datePlaceholder, formatDateText, parseDateText } from '../../../src-renderer/src/components/date-text';

const letters = { en: { day: 'dd', month: 'mm', year: 'yyyy' }, es: { day: 'dd', month: 'mm', year: 'aaaa' } };

describe('a date as the UI language writes it', () => {
  it('orders day, month and year as the language does', () => {
    expect(dateOrder('en')).toEqual(['month', 'day', 'year']);
    expect(dateOrder('es')).toEqual(['day', 'month', 'year']);
  });

  it('shows the pattern with the language\'s own letters', () => {
    expect(datePlaceholder('en', letters.en)).toBe('mm/dd/yyyy');
    expect(datePlaceholder('es', letters.es)).toBe('dd/mm/aaaa');
  });

  it('writes a stored day in that order', () => {
    expect(formatDateText('2026-11-29', 'es')).toBe('29/11/2026');
    expect(formatDateText('2026-11-29', 'en')).toBe('11/29/2026');
    expect(formatDateText('', 'es')).toBe('');
  });

  it('reads what was typed in the language\'s order, with any separator', () => {
    expect(parseDateText('29/11/2026', 'es')).toEqual({ ok: true, value: '2026-11-29' });
    expect(parseDateText('3-2-2026', 'es')).toEqual({ ok: true, value: '2026-02-03' });
    expect(parseDateText('3.2.2026', 'en')).toEqual({ ok: true, value: '2026-03-02' });
    expect(parseDateText(' 11/29/26 ', 'en')).toEqual({ ok: true, value: '2026-11-29' });
  });

  it('reads an ISO day in every language, and blank as no date', () => {
    expect(parseDateText('2026-11-29', 'es')).toEqual({ ok: true, value: '2026-11-29' });
    expect(parseDateText('', 'en')).toEqual({ ok: true, value: '' });
  });

  it('refuses what is not a day of the calendar', () => {
    for (const text of ['31/02/2026', '29/11', '29/11/2026/1', 'mañana', '13/13/2026', '29/11/202', '00/11/2026']) {
      expect(parseDateText(text, 'es'), text).toEqual({ ok: false });
    }
    expect(parseDateText('11/29/2026', 'es')).toEqual({ ok: false }); // month 29: an English date under Spanish
  });

  it('waits for four digits of year while the user is still typing', () => {
    expect(parseDateText('1/2/20', 'en', { twoDigitYear: false })).toEqual({ ok: false });
    expect(parseDateText('1/2/2026', 'en', { twoDigitYear: false })).toEqual({ ok: true, value: '2026-01-02' });
  });
});
