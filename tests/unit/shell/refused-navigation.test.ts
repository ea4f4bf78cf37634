// Finding 8 of issue 19: Odoo's own "Log out" is a link to /web/session/logout
// (research on Odoo 17, 18 and 19: an <a href>), which the session rule refuses.
// In Electron that leaves Chromium's error page (ERR_BLOCKED_BY_CLIENT). The
// view goes back to the last page of the server it showed and the banner is
// told; a refused link or window leaves the page as it was, and is told too.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import type { ViewRefusal } from '../../../src-preload/contract';
import { READ_ONLY } from '../../../src-main/core/view-policy';
import { ImpersonationView } from '../../../src-main/shell/impersonation-view';
import { electronFake, ERROR_PAGE_URL, FakeBrowserWindow, type FakeWebContents } from '../../support/electron-mock';

const ORIGIN = 'https://odoo.example.com';
const COOKIE = 'C00KIE-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP';

async function openView() {
  const refusals: ViewRefusal[] = [];
  const view = new ImpersonationView(new FakeBrowserWindow(), { warn: () => {} });
  view.onViewRefused((refusal) => refusals.push(refusal));
  await view.open({ sessionKey: 'refusals', origin: ORIGIN, sessionCookie: COOKIE, url: `${ORIGIN}/odoo`, access: READ_ONLY });
  const page = electronFake.onlyView().webContents as FakeWebContents;
  return { view, page, refusals };
}

beforeEach(() => electronFake.reset());

describe("Odoo's Log out, refused", () => {
  it('goes back to the last page of the server, and tells the banner', async () => {
    const { page, refusals } = await openView();
    await page.navigateFromPage(`${ORIGIN}/odoo/contacts`);
    page.navigateInPage(`${ORIGIN}/odoo/contacts/7`); // the web client moves by pushState
    expect(await page.navigateFromPage(`${ORIGIN}/web/session/logout`)).toEqual({ kind: 'failed', code: -20 });
    expect(page.mainFrame.url).toBe(ERROR_PAGE_URL);
    await vi.waitFor(() => expect(refusals).toHaveLength(1));
    expect(refusals).toEqual([{ kind: 'session-switch', target: ORIGIN, returned: true }]);
    expect(page.getURL()).toBe(`${ORIGIN}/odoo/contacts/7`);
    expect(page.mainFrame.url).toBe(`${ORIGIN}/odoo/contacts/7`);
  });

  it('says so when the way back fails too, so that the banner offers Stop', async () => {
    const { page, refusals } = await openView();
    electronFake.hooks.respond = () => ({ netError: -102 }); // the server went away
    await page.navigateFromPage(`${ORIGIN}/web/session/logout`);
    await vi.waitFor(() => expect(refusals).toEqual([{ kind: 'session-switch', target: ORIGIN, returned: false }]));
  });

  it('also when the logout comes as a redirect of an allowed page', async () => {
    const { page, refusals } = await openView();
    electronFake.hooks.respond = (url) => (url.endsWith('/bye') ? { redirect: '/web/session/logout?redirect=/' } : { status: 200 });
    await page.navigateFromPage(`${ORIGIN}/bye`);
    await vi.waitFor(() => expect(refusals).toEqual([{ kind: 'session-switch', target: ORIGIN, returned: true }]));
    expect(page.getURL()).toBe(`${ORIGIN}/odoo`);
  });
});

describe('other refusals the admin would notice', () => {
  it('a link elsewhere: the page stays, the banner says where it tried to go (origin only)', async () => {
    const { page, refusals } = await openView();
    await page.navigateFromPage('https://evil.test/phish?token=SECRET');
    expect(refusals).toEqual([{ kind: 'navigate', target: 'https://evil.test', returned: true }]);
    expect(page.getURL()).toBe(`${ORIGIN}/odoo`);
  });

  it('a window: denied, and told', async () => {
    const { page, refusals } = await openView();
    page.requestWindow(`${ORIGIN}/odoo/action-3`);
    expect(refusals).toEqual([{ kind: 'new-window', target: ORIGIN, returned: true }]);
  });

  it('a subframe or a background request: the page handles it, the banner is not bothered', async () => {
    const { page, refusals } = await openView();
    await page.navigateFromPage('https://evil.test/frame', { frame: 'sub' });
    await page.session.request({ url: `${ORIGIN}/web/session/destroy`, method: 'POST', resourceType: 'xhr' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(refusals).toEqual([]);
    expect(page.getURL()).toBe(`${ORIGIN}/odoo`);
  });
});
