// Where the desktop app finds its files (finding 1 of issue 19): from the main
// bundle's own folder, so `electron .`, `electron out/main/index.js` (whose
// app.getAppPath() is out/main) and the packaged app agree.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout } from '../../../src-main/app/app-layout';

const project = path.resolve('/home/dev/impersonation-console');

describe('appLayout', () => {
  it('in the project: the UI and preload from out/, icons from resources/, SQLite from .native/electron/<platform>-<arch>', () => {
    expect(appLayout({ isPackaged: false, mainDir: path.join(project, 'out', 'main'), resourcesPath: '/ignored', platform: 'linux', arch: 'x64' })).toEqual({
      rendererDir: path.join(project, 'out', 'renderer'),
      preloadPath: path.join(project, 'out', 'preload', 'index.cjs'),
      windowIcon: path.join(project, 'resources', 'icons', 'icon.png'),
      trayIcons: {
        idle: path.join(project, 'resources', 'icons', 'tray', 'tray-idle.png'),
        active: path.join(project, 'resources', 'icons', 'tray', 'tray-active.png'),
      },
      nativeBinding: path.join(project, '.native', 'electron', 'linux-x64', 'better_sqlite3.node'),
    });
  });

  it('packaged: the UI inside the asar, icons and SQLite beside it in resources/', () => {
    const resources = path.resolve('/opt/Impersonation Console/resources');
    const layout = appLayout({ isPackaged: true, mainDir: path.join(resources, 'app.asar', 'out', 'main'), resourcesPath: resources, platform: 'win32', arch: 'x64' });
    expect(layout.rendererDir).toBe(path.join(resources, 'app.asar', 'out', 'renderer'));
    expect(layout.windowIcon).toBe(path.join(resources, 'icons', 'icon.png'));
    expect(layout.nativeBinding).toBe(path.join(resources, 'native', 'better_sqlite3.node'));
  });

  it('macOS: the idle tray icon is a template image, the active one stays orange', () => {
    const layout = appLayout({ isPackaged: false, mainDir: path.join(project, 'out', 'main'), resourcesPath: '', platform: 'darwin', arch: 'arm64' });
    expect(path.basename(layout.trayIcons.idle)).toBe('tray-idleTemplate.png');
    expect(path.basename(layout.trayIcons.active)).toBe('tray-active-mac.png');
    expect(layout.nativeBinding).toBe(path.join(project, '.native', 'electron', 'darwin-arm64', 'better_sqlite3.node'));
  });
});
