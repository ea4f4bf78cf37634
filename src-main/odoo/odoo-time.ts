// Odoo writes datetimes as UTC "YYYY-MM-DD HH:MM:SS" (docs/odoo.md, audit records).

export function toOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function odooTimeOrNull(date: Date | null): string | null {
  return date === null ? null : toOdooDatetime(date);
}
