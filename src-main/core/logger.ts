// The console's diagnostic log. It never receives secrets by design (callers
// pass origins and identifiers, not cookies or passwords); redact() is a second
// line of defence for anything that slips into a message (SS-10).

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const SECRET_FIELD = /pass(word)?|cookie|session_?id|authorization|token|secret/i;
const SECRET_TEXT = [/(session_id=)[^;\s&"]+/gi, /("?password"?\s*[:=]\s*)("[^"]*"|[^,\s}]+)/gi, /((?:cookie|authorization)\s*:\s*)[^\n]+/gi];

export function redact(text: string): string {
  return SECRET_TEXT.reduce((out, pattern) => out.replace(pattern, '$1[redacted]'), text);
}

function safeFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(key)) clean[key] = '[redacted]';
    else if (value instanceof Error) clean[key] = `${value.name}: ${value.message}`;
    else clean[key] = value;
  }
  return ` ${JSON.stringify(clean)}`;
}

export type LogWrite = (line: string) => void;

export function createLogger(write: LogWrite): Logger {
  const log = (level: string) => (event: string, fields?: Record<string, unknown>) =>
    write(redact(`${new Date().toISOString()} ${level} ${event}${safeFields(fields)}`));
  return { info: log('INFO'), warn: log('WARN'), error: log('ERROR') };
}
