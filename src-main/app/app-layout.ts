// Where the desktop app finds its own files (finding 1 of issue 19). Not from
// app.getAppPath(): Electron's default app sets that to the project for
// `electron .` but to out/main for `electron out/main/index.js` (default_app
// takes the script's folder when it has no package.json), and to the asar when
// packaged. The built main bundle's own folder is the same in every case, so
// everything is resolved from it (passed in by main.ts), and from
// process.resourcesPath for what a packaged app carries beside the asar.
import path from 'node:path';
import { electronNativeBindingFor, packagedNativeBinding } from '../../build/native-binding';

export interface AppLayoutInput {
  isPackaged: boolean;
  /** The folder of the running main bundle: <project>/out/main, or <asar>/out/main when packaged. */
  mainDir: string;
  /** process.resourcesPath: beside the asar when packaged. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
}

export interface AppLayout {
  rendererDir: string;
  preloadPath: string;
  windowIcon: string;
  trayIcons: { idle: string; active: string };
  /** better-sqlite3 built for Electron's ABI (never node_modules' Node build, which the tests use). */
  nativeBinding: string;
}

export function appLayout(input: AppLayoutInput): AppLayout {
  const { isPackaged, mainDir, resourcesPath, platform, arch } = input;
  // Unpackaged, out/main is two levels below the project; resources/ sits in the project.
  const projectDir = path.resolve(mainDir, '..', '..');
  const resource = (...parts: string[]) => (isPackaged ? path.join(resourcesPath, ...parts) : path.join(projectDir, 'resources', ...parts));
  // macOS draws the idle icon as a template (it follows the menu bar); the active one stays orange on purpose.
  const mac = platform === 'darwin';
  return {
    rendererDir: path.resolve(mainDir, '..', 'renderer'),
    preloadPath: path.resolve(mainDir, '..', 'preload', 'index.cjs'),
    windowIcon: resource('icons', 'icon.png'),
    trayIcons: {
      idle: resource('icons', 'tray', mac ? 'tray-idleTemplate.png' : 'tray-idle.png'),
      active: resource('icons', 'tray', mac ? 'tray-active-mac.png' : 'tray-active.png'),
    },
    nativeBinding: isPackaged ? path.join(resourcesPath, packagedNativeBinding) : electronNativeBindingFor(projectDir, platform, arch),
  };
}
