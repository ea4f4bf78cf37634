// The application menu: the app menu on macOS (with About, as Mac users expect),
// File / Edit / Help on Windows and Linux (About under Help). It replaces
// Electron's default menu, which would offer Reload and the developer tools.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Translate } from './session-status-text';
import { showAboutPanel } from './about-panel';

/** Built as data so each platform's shape is checked without a real menu. */
export function appMenuTemplate(platform: NodeJS.Platform, t: Translate, appName: string): MenuItemConstructorOptions[] {
  if (platform === 'darwin') {
    // macOS localises role items itself; the Edit menu is what makes ⌘C/⌘V work in fields.
    return [
      {
        label: appName,
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'windowMenu' },
    ];
  }
  return [
    { label: t('menu.file'), submenu: [{ role: 'quit', label: t('menu.quit') }] },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.about', { name: appName }), click: () => showAboutPanel() }],
    },
  ];
}

/** Call after `app.whenReady()`, and again after a language change. */
export function installAppMenu(t: Translate): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, t, app.getName())));
}
