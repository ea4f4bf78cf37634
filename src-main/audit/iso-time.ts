// The two time formats a mirrored row carries, as the ISO text the audit tables hold.
// A first sync converts 100 000 rows, two or three times each; parsing into a Date and
// printing it again was ~1.5 µs each. Values that name a plain day of the calendar are
// already that text, or one concatenation away; anything else (days 29 to 31, which
// Date.parse moves to the next month when they do not exist, hour 24, another format)
// goes through Date as before, so both paths answer the same (tests/unit/audit/iso-time.test.ts).

/** Odoo's UTC "YYYY-MM-DD HH:MM:SS" with a day every month has. */
const PLAIN_SERVER_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** Date's own toISOString form, with a day every month has. */
const PLAIN_ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Odoo's UTC "YYYY-MM-DD HH:MM:SS" as the ISO form the local rows use, so both sort together; null when it is not a time. */
export function serverTimeToIso(value: string | null): string | null {
  if (!value) return null;
  if (PLAIN_SERVER_TIME.test(value)) return `${value.slice(0, 10)}T${value.slice(11)}.000Z`;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Any time Date reads, as ISO; null when it is none. */
export function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  if (PLAIN_ISO.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
