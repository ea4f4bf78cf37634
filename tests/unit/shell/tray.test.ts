import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import type { SessionView } from '../../../src-preload/contract';
import type { Translate } from '../../../src-main/shell/session-status-text';
import { IDLE_SESSION_VIEW } from '../../../src-main/core/session-view';
import { ConsoleTray } from '../../../src-main/shell/tray';
import { electronFake } from '../../support/electron-mock';
import { trayTranslator } from './tray-translations';

const icons = { idle: '/app/resources/tray-idle.png', active: '/app/resources/tray-active.png' };
const active: SessionView = {
  ...IDLE_SESSION_VIEW,
  phase: 'active',
  target: { id: 7, name: 'Alice Anderson', login: 'alice' },
  reason: 'Ticket 4711: invoice PDF fails',
  secondsLeft: 42 * 60,
};

let en: Translate;
let es: Translate;
beforeAll(async () => {
  en = await trayTranslator('en');
  es = await trayTranslator('es');
});

function setup() {
  const calls: string[] = [];
  const tray = new ConsoleTray({
    icons,
    t: en,
    actions: { onStop: () => calls.push('stop'), onShow: () => calls.push('show'), onQuit: () => calls.push('quit') },
  });
  return { tray, fake: electronFake.onlyTray(), calls };
}

function menuOf(fake: ReturnType<typeof electronFake.onlyTray>) {
  if (!fake.menu) throw new Error('the tray has no menu');
  return fake.menu;
}

beforeEach(() => electronFake.reset());

describe('ConsoleTray', () => {
  it('starts grey with the idle menu', () => {
    const { fake } = setup();
    expect(fake.image.path).toBe(icons.idle);
    expect(fake.tooltip).toBe('Impersonation Console — No impersonation');
    expect(menuOf(fake).items.map((item) => item.label ?? item.type)).toEqual([
      'No impersonation',
      'separator',
      'Stop impersonation',
      'Show console',
      'separator',
      'Quit',
    ]);
    expect(menuOf(fake).items[0]?.enabled).toBe(false);
    expect(() => menuOf(fake).click('Stop impersonation')).toThrow(/disabled/);
  });

  it('turns orange and offers Stop while impersonating', () => {
    const { tray, fake, calls } = setup();
    tray.update(active);
    expect(fake.image.path).toBe(icons.active);
    expect(menuOf(fake).items[0]?.label).toBe('Impersonating Alice Anderson — 42 min left');
    menuOf(fake).click('Stop impersonation');
    expect(calls).toEqual(['stop']);
  });

  it('runs Show console and Quit from the menu, and Show from a click on the icon', () => {
    const { fake, calls } = setup();
    menuOf(fake).click('Show console');
    menuOf(fake).click('Quit');
    fake.emit('click');
    expect(calls).toEqual(['show', 'quit', 'show']);
  });

  it('rebuilds the menu when the minutes change, not on every countdown tick', () => {
    const { tray, fake } = setup();
    tray.update(active);
    const menusBefore = fake.menusSet.length;
    tray.updateCountdown({ secondsLeft: 42 * 60 - 1, warning: false });
    tray.updateCountdown({ secondsLeft: 41 * 60 + 1, warning: false });
    expect(fake.menusSet.length).toBe(menusBefore);
    tray.updateCountdown({ secondsLeft: 41 * 60, warning: false });
    expect(fake.menusSet.length).toBe(menusBefore + 1);
    expect(menuOf(fake).items[0]?.label).toBe('Impersonating Alice Anderson — 41 min left');
  });

  it('ignores countdown ticks when no session is active', () => {
    const { tray, fake } = setup();
    tray.updateCountdown({ secondsLeft: 600, warning: false });
    expect(menuOf(fake).items[0]?.label).toBe('No impersonation');
  });

  it('speaks the new language after a change', () => {
    const { tray, fake } = setup();
    tray.update(active);
    tray.setTranslate(es);
    expect(menuOf(fake).items.map((item) => item.label).filter(Boolean)).toEqual([
      'Suplantando a Alice Anderson — quedan 42 min',
      'Detener la suplantación',
      'Mostrar la consola',
      'Salir',
    ]);
  });

  it('goes back to grey when the session ends', () => {
    const { tray, fake } = setup();
    tray.update(active);
    tray.update({ ...active, phase: 'ended', endCause: 'tray', secondsLeft: null });
    expect(fake.image.path).toBe(icons.idle);
    expect(menuOf(fake).items[0]?.label).toBe('No impersonation');
  });

  it('stops updating once destroyed', () => {
    const { tray, fake } = setup();
    tray.destroy();
    tray.update(active);
    expect(fake.isDestroyed()).toBe(true);
    expect(fake.image.path).toBe(icons.idle);
  });
});
