import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({
  app: { getName: vi.fn(() => 'Impersonation Console'), showAboutPanel: vi.fn() },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { appMenuTemplate, installAppMenu } from '../../../src-main/shell/app-menu';

/** Shows the key and its parameters, so a test can see which text was asked for. */
const t = (key: string, params?: Record<string, string | number>): string =>
  params ? `${key}(${Object.values(params).join(',')})` : key;

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu labelled ${label}`);
  return menu.submenu;
}

describe('application menu', () => {
  beforeEach(() => vi.clearAllMocks());

  it('puts About first in the app menu on macOS, with no Help menu', () => {
    const template = appMenuTemplate('darwin', t, 'Impersonation Console');
    expect(submenuOf(template, 'Impersonation Console')[0]).toEqual({ role: 'about' });
    expect(template.some((item) => item.label === 'menu.help')).toBe(false);
  });

  it.each(['win32', 'linux'] as const)('opens the About panel from Help ▸ About on %s', (platform) => {
    const template = appMenuTemplate(platform, t, 'Impersonation Console');
    expect(template.at(-1)?.label).toBe('menu.help');
    const about = submenuOf(template, 'menu.help').find((item) => item.label === 'menu.about(Impersonation Console)');
    expect(about?.click).toBeTypeOf('function');
    (about?.click as () => void)();
    expect(electron.app.showAboutPanel).toHaveBeenCalledOnce();
  });

  it.each(['darwin', 'win32', 'linux'] as const)('offers neither reload nor the developer tools on %s', (platform) => {
    const roles = items(appMenuTemplate(platform, t, 'Impersonation Console')).map((item) => item.role);
    expect(roles).toContain('quit');
    for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'] as const) expect(roles).not.toContain(role);
  });

  it('labels every Windows and Linux item through the translations', () => {
    const labels = items(appMenuTemplate('linux', t, 'Impersonation Console'))
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label);
    expect(labels.every((label) => label?.startsWith('menu.'))).toBe(true);
  });

  it('installs the menu built for this platform', () => {
    installAppMenu(t);
    const built = electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    const expected = appMenuTemplate(process.platform, t, 'Impersonation Console');
    // Click handlers are fresh closures each time: compare what the user sees.
    const visible = (template: MenuItemConstructorOptions[]) => items(template).map(({ label, role }) => ({ label, role }));
    expect(visible(built)).toEqual(visible(expected));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(electron.Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
