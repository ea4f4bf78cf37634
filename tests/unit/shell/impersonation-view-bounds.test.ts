// Where the impersonation view sits: inside the orange frame the renderer draws,
// hidden until the renderer reports its area, and following resizes.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { READ_ONLY } from '../../../src-main/core/view-policy';
import { ImpersonationView } from '../../../src-main/shell/impersonation-view';
import { electronFake, FakeBrowserWindow } from '../../support/electron-mock';

const spec = () => ({
  sessionKey: 'session-17',
  origin: 'https://odoo.example.com',
  sessionCookie: 'C00KIE-0123456789abcdefghijklmnopqrstuvwxyz',
  url: 'https://odoo.example.com/odoo',
  access: READ_ONLY,
});

function setup() {
  return { view: new ImpersonationView(new FakeBrowserWindow(), { warn: () => {} }) };
}

beforeEach(() => electronFake.reset());

describe('ImpersonationView bounds', () => {
  it('keeps the view hidden until the renderer reports where it goes', async () => {
    const { view } = setup();
    await view.open(spec());
    const shown = electronFake.onlyView();
    expect(shown.visible).toBe(false);
    view.setBounds({ x: 8, y: 96, width: 1200, height: 700 });
    expect(shown.visible).toBe(true);
    expect(shown.bounds).toEqual({ x: 8, y: 96, width: 1200, height: 700 });
  });

  it('follows resizes', async () => {
    const { view } = setup();
    await view.open(spec());
    view.setBounds({ x: 8, y: 96, width: 1200, height: 700 });
    view.setBounds({ x: 8, y: 96, width: 900, height: 520 });
    expect(electronFake.onlyView().bounds).toEqual({ x: 8, y: 96, width: 900, height: 520 });
  });

  it('applies bounds reported before the view opened', async () => {
    const { view } = setup();
    view.setBounds({ x: 4, y: 80, width: 1000, height: 600 });
    await view.open(spec());
    expect(electronFake.onlyView()).toMatchObject({ visible: true, bounds: { x: 4, y: 80, width: 1000, height: 600 } });
  });

  it('hides the view when its area is empty', async () => {
    const { view } = setup();
    await view.open(spec());
    view.setBounds({ x: 4, y: 80, width: 1000, height: 600 });
    view.setBounds({ x: 0, y: 0, width: 0, height: 0 });
    expect(electronFake.onlyView().visible).toBe(false);
  });
});
