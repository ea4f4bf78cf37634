// Dates as the UI language writes them, for the console's own date field: the browser's
// <input type=date> follows the browser's locale (mm/dd/yyyy under a Spanish console),
// so the field is text, ordered and parsed by the console's language instead. Values are
// calendar days "YYYY-MM-DD", with no time zone: what the user means by "from the 3rd".
// Pure, so that every rule is unit-tested in plain Node.

export type DatePart = 'day' | 'month' | 'year';

const SAMPLE = new Date(Date.UTC(2001, 10, 22)); // 22 Nov 2001: day, month and year all differ

/** The order the language writes day, month and year in ("en": month, day, year). */
export function dateOrder(language: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(SAMPLE);
  const order = parts.map((part) => part.type).filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  return order.length === 3 ? order : ['year', 'month', 'day'];
}

/** The language's separator between the parts ("/" for English and Spanish, "." for German). */
function separator(language: string): string {
  const parts = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(SAMPLE);
  return parts.find((part) => part.type === 'literal')?.value.trim() || '/';
}

/** "mm/dd/yyyy" or "dd/mm/aaaa": the pattern, with the letters the language uses for each part. */
export function datePlaceholder(language: string, letters: Record<DatePart, string>): string {
  return dateOrder(language)
    .map((part) => letters[part])
    .join(separator(language));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-11-29" as the language writes it: "11/29/2026", "29/11/2026"; '' for none. */
export function formatDateText(value: string, language: string): string {
  const match = ISO_DAY.exec(value);
  if (!match) return '';
  const parts: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return dateOrder(language)
    .map((part) => parts[part])
    .join(separator(language));
}

export type ParsedDate = { ok: true; value: string } | { ok: false };

/**
 * What the user typed, read in the language's order ("29/11/2026" in Spanish, "11/29/2026"
 * in English; any of / . - or space between the parts; a two-digit year is this century's).
 * An ISO day ("2026-11-29") is read as such in every language. Blank means no date.
 * While the user is still typing, `twoDigitYear: false` keeps "1/2/20" from meaning 2020
 * on the way to "1/2/2026".
 */
export function parseDateText(text: string, language: string, options: { twoDigitYear?: boolean } = {}): ParsedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: '' };
  const iso = ISO_DAY.exec(trimmed);
  if (iso) {
    const value = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { ok: true, value } : { ok: false };
  }
  const groups = trimmed.split(/[\s./-]+/);
  if (groups.length !== 3 || groups.some((group) => !/^\d{1,4}$/.test(group))) return { ok: false };
  const read: Partial<Record<DatePart, string>> = {};
  dateOrder(language).forEach((part, index) => (read[part] = groups[index]));
  const yearText = read.year!;
  const twoDigitYear = options.twoDigitYear ?? true;
  if (yearText.length !== 4 && !(twoDigitYear && yearText.length === 2)) return { ok: false };
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const value = isoDay(year, Number(read.month), Number(read.day));
  return value ? { ok: true, value } : { ok: false };
}
