// What the admin is told when the desktop app cannot start (finding 1 of issue
// 19): one error box in their language — the one chosen in Settings if there
// are settings, else the system's — saying that nothing changed on any server,
// what went wrong in a line, and where the log is. Never a half-started window.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../src-preload/contract';
import { redact } from '../core';
import { mainTranslator } from '../api';
import { SettingsStore } from '../settings';

const MAX_REASON = 300;

/** The language of the error box: the console's setting if it has one, else the system locale. */
export function failureLanguage(userDataDir: string | null, locale: string): Language {
  try {
    if (userDataDir && existsSync(path.join(userDataDir, 'settings.json'))) return new SettingsStore(userDataDir).get().language;
  } catch {
    // unreadable settings: fall back to the locale
  }
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The first line of the error, without anything that looks like a secret (SS-10), kept short. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = redact(message.split('\n')[0] ?? '').trim() || 'unknown error';
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

export function startFailureBox(error: unknown, language: Language, logFile: string): { title: string; content: string } {
  const t = mainTranslator(language);
  return {
    title: t('desktop.startFailedTitle'),
    content: t('desktop.startFailedBody', { reason: failureReason(error), logFile }),
  };
}
