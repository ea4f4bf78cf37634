// The console's settings, persisted as JSON in the user-data folder. Written
// atomically (temp file + rename) so a crash never leaves half a file; a file
// that cannot be read or parsed falls back to the defaults rather than
// blocking the console from starting.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Settings, type SettingsPatch } from '../../src-preload/contract';
import { MAX_SESSION_MINUTES } from '../../src-preload/limits';

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  sessionLimitMinutes: MAX_SESSION_MINUTES,
  retentionDays: null,
};

export class SettingsStore {
  private current: Settings;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'settings.json');
    this.current = this.load();
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Applies a validated patch and persists it before answering. */
  set(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.current, ...patch });
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(temp, this.file);
    this.current = next;
    return this.get();
  }

  private load(): Settings {
    try {
      const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(readFileSync(this.file, 'utf8')) });
      return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }
}
