// The About panel (issue 7): name, version, the Electron and Chromium it runs on,
// and the licence. Each platform shows different fields of the same options
// (macOS: version and credits; Windows: credits; Linux: copyright and website
// only), so the facts are placed where each one actually displays them.
import { app, type AboutPanelOptionsOptions } from 'electron';

/** package.json's "license"; the packaged app has no API to read it back. */
export const CONSOLE_LICENCE = 'MIT';
const COPYRIGHT = '© Impersonation Console team';

export interface AboutFacts {
  name: string;
  version: string;
  electronVersion: string;
  chromeVersion: string;
  licence: string;
}

export function aboutFacts(versions: { electron?: string; chrome?: string } = process.versions): AboutFacts {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electronVersion: versions.electron ?? 'unknown',
    chromeVersion: versions.chrome ?? 'unknown',
    licence: CONSOLE_LICENCE,
  };
}

export function aboutPanelOptions(
  facts: AboutFacts,
  platform: NodeJS.Platform,
  iconPath?: string,
): AboutPanelOptionsOptions {
  const runtime = `Electron ${facts.electronVersion} · Chromium ${facts.chromeVersion}`;
  const licence = `Licensed under the ${facts.licence} licence.`;
  const options: AboutPanelOptionsOptions = {
    applicationName: facts.name,
    applicationVersion: facts.version,
    copyright: `${COPYRIGHT}. ${licence}`,
  };
  if (platform === 'darwin') {
    // macOS prints `version` in brackets after the application version.
    return { ...options, version: runtime, credits: licence };
  }
  if (platform === 'win32') {
    return { ...options, credits: `${runtime}\n${licence}`, ...(iconPath ? { iconPath } : {}) };
  }
  // Linux has no credits field: the runtime goes into the copyright text.
  return { ...options, copyright: `${COPYRIGHT}\n${runtime}\n${licence}`, ...(iconPath ? { iconPath } : {}) };
}

/**
 * Call once after `app.whenReady()`. `iconPath` (Windows, Linux): a PNG such as
 * `process.resourcesPath/icons/icon.png` when packaged, `resources/icons/icon.png` in development.
 */
export function installAboutPanel(iconPath?: string, facts: AboutFacts = aboutFacts()): void {
  app.setAboutPanelOptions(aboutPanelOptions(facts, process.platform, iconPath));
}

export function showAboutPanel(): void {
  app.showAboutPanel();
}
