// The console's diagnostic log. It never receives secrets by design (callers
// pass origins and identifiers, not cookies or passwords); redaction by rule
// (redaction.ts) is the second line of defence for anything that slips in, at any
// depth of the fields, in error messages and stacks too (SS-10).
import { redactText, redactValue } from './redaction';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Text with every secret the rules know replaced (the log's own rules, for one-line messages elsewhere). */
export function redact(text: string): string {
  return redactText(text);
}

function safeFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  return ` ${JSON.stringify(redactValue(fields))}`;
}

export type LogWrite = (line: string) => void;

export function createLogger(write: LogWrite): Logger {
  const log = (level: string) => (event: string, fields?: Record<string, unknown>) =>
    write(redactText(`${new Date().toISOString()} ${level} ${event}${safeFields(fields)}`));
  return { info: log('INFO'), warn: log('WARN'), error: log('ERROR') };
}
