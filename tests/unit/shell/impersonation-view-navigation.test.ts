// The view's navigation signal for the tripwire (AZ-6, issue 11.2): every committed
// top-level navigation of the page is reported, so the session asks the server at
// once who it is; a fragment or pushState change, a subframe, or a refused navigation
// is not one, and a closed view reports nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

// Changes allowed: a top-level form post is a change, which a read-only view refuses (remote-view-guards.test.ts).
import { CHANGES_ALLOWED } from '../../../src-main/core/view-policy';
import { ImpersonationView } from '../../../src-main/shell/impersonation-view';
import { electronFake, FakeBrowserWindow } from '../../support/electron-mock';

const ORIGIN = 'https://odoo.example.com';

async function openView() {
  const view = new ImpersonationView(new FakeBrowserWindow(), { warn: () => {} });
  let navigations = 0;
  view.onNavigated(() => (navigations += 1));
  await view.open({ sessionKey: 'session-1', origin: ORIGIN, sessionCookie: 'c'.repeat(84), url: `${ORIGIN}/odoo`, access: CHANGES_ALLOWED });
  const contents = electronFake.onlyView().webContents;
  return { view, contents, navigations: () => navigations };
}

beforeEach(() => electronFake.reset());

describe('ImpersonationView.onNavigated', () => {
  it('reports the landing load and every top-level navigation the page makes', async () => {
    const { contents, navigations } = await openView();
    expect(navigations()).toBe(1);
    await contents.navigateFromPage(`${ORIGIN}/odoo?reload=true`);
    await contents.navigateFromPage(`${ORIGIN}/odoo/action-42`, { method: 'POST' });
    expect(navigations()).toBe(3);
  });

  it('does not report in-page changes, subframes or refused navigations', async () => {
    const { contents, navigations } = await openView();
    contents.navigateInPage(`${ORIGIN}/odoo/contacts`);
    await contents.navigateFromPage(`${ORIGIN}/web/static/lib/pdfjs/web/viewer.html`, { frame: 'sub' });
    await contents.navigateFromPage('https://elsewhere.example/');
    expect(navigations()).toBe(1);
  });

  it('reports nothing once the view is closed', async () => {
    const { view, contents, navigations } = await openView();
    const before = navigations();
    void view.close();
    contents.emit('did-navigate', {}, `${ORIGIN}/odoo`, 200, 'OK');
    expect(navigations()).toBe(before);
  });
});
