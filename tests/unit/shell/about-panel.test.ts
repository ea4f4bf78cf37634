import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: {
    getName: vi.fn(() => 'Impersonation Console'),
    getVersion: vi.fn(() => '0.1.0'),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import {
  aboutFacts,
  aboutPanelOptions,
  CONSOLE_LICENCE,
  installAboutPanel,
  type AboutFacts,
} from '../../../src-main/shell/about-panel';

const facts: AboutFacts = {
  name: 'Impersonation Console',
  version: '1.2.3',
  electronVersion: '40.8.5',
  chromeVersion: '144.0.7559.236',
  licence: 'MIT',
};

/** Everything the platform's About panel actually displays, as one text. */
function shown(options: ReturnType<typeof aboutPanelOptions>): string {
  return [options.applicationName, options.applicationVersion, options.version, options.credits, options.copyright]
    .filter(Boolean)
    .join('\n');
}

describe('About panel', () => {
  beforeEach(() => vi.clearAllMocks());

  it.each(['darwin', 'win32', 'linux'] as const)('shows name, version, Electron and Chromium versions and the licence on %s', (platform) => {
    const options = aboutPanelOptions(facts, platform);
    expect(options.applicationName).toBe('Impersonation Console');
    expect(options.applicationVersion).toBe('1.2.3');
    const text = shown(options);
    expect(text).toContain('Electron 40.8.5');
    expect(text).toContain('Chromium 144.0.7559.236');
    expect(text).toContain('MIT licence');
  });

  it('keeps the runtime versions out of the Linux-only-ignored credits on Linux', () => {
    // GTK's about dialog has no credits field: the versions must be in the copyright.
    const options = aboutPanelOptions(facts, 'linux');
    expect(options.credits).toBeUndefined();
    expect(options.copyright).toContain('Electron 40.8.5');
  });

  it('passes the icon on Windows and Linux only', () => {
    expect(aboutPanelOptions(facts, 'win32', '/res/icons/icon.png').iconPath).toBe('/res/icons/icon.png');
    expect(aboutPanelOptions(facts, 'linux', '/res/icons/icon.png').iconPath).toBe('/res/icons/icon.png');
    expect(aboutPanelOptions(facts, 'darwin', '/res/icons/icon.png').iconPath).toBeUndefined();
  });

  it('names the licence package.json declares', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { license: string };
    expect(CONSOLE_LICENCE).toBe(manifest.license);
  });

  it('reads name and version from the app and the runtime versions from the process', () => {
    expect(aboutFacts({ electron: '40.8.5', chrome: '144.0.1.2' })).toEqual({
      name: 'Impersonation Console',
      version: '0.1.0',
      electronVersion: '40.8.5',
      chromeVersion: '144.0.1.2',
      licence: CONSOLE_LICENCE,
    });
  });

  it('hands the options for this platform to Electron', () => {
    installAboutPanel('/res/icons/icon.png', facts);
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledOnce();
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(aboutPanelOptions(facts, process.platform, '/res/icons/icon.png'));
  });
});
