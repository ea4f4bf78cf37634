import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../src-main/settings/settings-store';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'settings-'));

describe('SettingsStore', () => {
  it('starts from the defaults: English, the full hour, keep everything', () => {
    expect(new SettingsStore(tempDir()).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists a change in the user-data folder so a restart keeps it', () => {
    const dir = tempDir();
    new SettingsStore(dir).set({ language: 'es' });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).language).toBe('es');
    expect(new SettingsStore(dir).get().language).toBe('es');
  });

  it('never lets the session limit go above 60 minutes', () => {
    expect(() => new SettingsStore(tempDir()).set({ sessionLimitMinutes: 61 })).toThrow();
  });

  it('falls back to the defaults when the file is damaged', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    expect(new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
  });
});
