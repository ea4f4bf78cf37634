// Every guard on the impersonation view (SS-6, SS-7), driven the way Electron 40
// drives them (tests/support/electron-mock.ts): the page navigates its frames,
// the server answers and redirects, and requests carry bodies in the shapes
// Electron really hands to webRequest.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { WebContentsView } from 'electron';
import { createLogger } from '../../../src-main/core/logger';
import { OriginPolicy } from '../../../src-main/core/view-policy/origin-policy';
import { CHANGES_ALLOWED, READ_ONLY, type ViewAccess, type ViewActivity } from '../../../src-main/core/view-policy';
import { attachRemoteViewGuards, type MainFrameRefusal } from '../../../src-main/shell/remote-view-guards';
import { blobPart, electronFake, fakeEvent, filePart, rawPart, streamPart, type FakeUploadPart } from '../../support/electron-mock';

const ORIGIN = 'https://odoo.example.com';

async function guardedView() {
  const lines: string[] = [];
  const reported: MainFrameRefusal[] = [];
  const view = new WebContentsView({ webPreferences: { partition: 'impersonation-guards' } });
  attachRemoteViewGuards(view.webContents, new OriginPolicy(ORIGIN), createLogger((line) => lines.push(line)), {
    onRefused: (refusal) => reported.push(refusal),
  });
  const contents = electronFake.onlyView().webContents;
  await contents.loadURL(`${ORIGIN}/odoo`);
  lines.length = 0;
  return { contents, session: contents.session, lines, reported };
}

const foreignUrls = [
  ['a look-alike host', 'https://odoo.example.com.evil.test/odoo'],
  ['a userinfo trick', 'https://odoo.example.com@evil.test/odoo'],
  ['another port', 'https://odoo.example.com:8443/odoo'],
  ['about:blank', 'about:blank'],
  ['file:', 'file:///etc/passwd'],
  ['another host', 'https://evil.test/login'],
] as const;

beforeEach(() => electronFake.reset());

describe('the main frame', () => {
  it.each(foreignUrls)('stays on the page when it is sent to %s', async (_what, url) => {
    const { contents, lines, reported } = await guardedView();
    const failures: number[] = [];
    contents.on('did-fail-load', (_event, code: number) => failures.push(code));
    expect(await contents.navigateFromPage(url)).toEqual({ kind: 'cancelled' });
    expect(contents.getURL()).toBe(`${ORIGIN}/odoo`);
    expect(failures).toEqual([]); // ERR_ABORTED: no error page
    expect(lines.join('\n')).toContain('"kind":"navigate"');
    expect(reported).toEqual([{ kind: 'navigate', url }]);
  });

  it("moves within the connection's origin, silently", async () => {
    const { contents, lines, reported } = await guardedView();
    expect(await contents.navigateFromPage(`${ORIGIN}/odoo/contacts?view_type=list`)).toMatchObject({ kind: 'committed' });
    expect(lines).toEqual([]);
    expect(reported).toEqual([]);
  });

  it("refuses a server redirect elsewhere, whether the page or the console's loadURL started the load", async () => {
    const { contents, lines, reported } = await guardedView();
    electronFake.hooks.respond = (url) => (url.endsWith('/sso') ? { redirect: 'https://sso.evil.test:444/cb?token=T0K3N-CANARY' } : { status: 200 });
    expect(await contents.navigateFromPage(`${ORIGIN}/sso`)).toEqual({ kind: 'cancelled' });
    await expect(contents.loadURL(`${ORIGIN}/sso`)).rejects.toThrow(/ERR_ABORTED \(-3\)/);
    expect(contents.getURL()).toBe(`${ORIGIN}/odoo`);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('"kind":"redirect"');
    expect(lines[0]).toContain('"target":"https://sso.evil.test:444"');
    expect(lines.join('\n')).not.toMatch(/T0K3N|\/cb/);
    expect(reported.map((refusal) => refusal.kind)).toEqual(['redirect', 'redirect']);
  });

  it("is not asked about the console's own loadURL (Electron fires no will-navigate for it): the view checks that URL itself", async () => {
    const { contents, lines } = await guardedView();
    await contents.loadURL('https://evil.test/');
    expect(lines).toEqual([]);
  });
});

describe('subframes', () => {
  it.each([
    ['the pdf.js viewer of a PDF preview', `${ORIGIN}/web/static/lib/pdfjs/web/viewer.html?file=%2Fweb%2Fcontent%2F104`],
    ['an empty frame', 'about:blank'],
    ['an inline (srcdoc) frame', 'about:srcdoc'],
    ["a blob of the connection's origin", `blob:${ORIGIN}/6f1c7a40-6f0e-4c56-9d7b-1c1f0e7f0b11`],
    ["Chromium's PDF viewer", 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html'],
  ])('load %s', async (_what, url) => {
    const { contents, lines } = await guardedView();
    expect(await contents.navigateFromPage(url, { frame: 'sub' })).toMatchObject({ kind: 'committed' });
    expect(lines).toEqual([]);
  });

  it.each([
    ['another site', 'https://evil.test/frame'],
    ['a blob of another origin', 'blob:https://evil.test/6f1c7a40'],
    ['data:', 'data:text/html,hi'],
  ])('do not load %s, and the admin is not bothered about a frame', async (_what, url) => {
    const { contents, lines, reported } = await guardedView();
    expect(await contents.navigateFromPage(url, { frame: 'sub' })).toEqual({ kind: 'cancelled' });
    expect(lines.join('\n')).toContain('"kind":"frame-navigate"');
    expect(reported).toEqual([]);
  });
});

describe('new windows', () => {
  it.each([
    ['on another host', 'https://evil.test/phish'],
    ['even on the connection origin', `${ORIGIN}/odoo/action-9`],
  ])('denies window.open %s and hands nothing to the desktop', async (_what, url) => {
    const { contents, lines, reported } = await guardedView();
    expect(contents.requestWindow(url)).toEqual({ action: 'deny' });
    expect(electronFake.openedExternally).toEqual([]);
    expect(lines.join('\n')).toContain('"kind":"new-window"');
    expect(reported).toEqual([{ kind: 'new-window', url }]);
  });
});

describe('permissions', () => {
  it.each(['geolocation', 'notifications', 'media', 'clipboard-read', 'openExternal', 'fileSystem'])(
    'denies the request for %s',
    async (permission) => {
      const { session, lines } = await guardedView();
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), {
        requestingUrl: `${ORIGIN}/odoo?secret=1`,
        isMainFrame: true,
      });
      expect(answers).toEqual([false]);
      expect(lines[0]).toContain(`"permission":"${permission}"`);
      expect(lines[0]).not.toContain('secret=1');
    },
  );

  it.each(['notifications', 'clipboard-sanitized-write', 'geolocation', 'hid'])('answers no to the check for %s', async (permission) => {
    const { session } = await guardedView();
    expect(session.permissionCheckHandler?.({}, permission, ORIGIN, {})).toBe(false);
  });

  it('denies USB, HID and serial devices', async () => {
    const { session } = await guardedView();
    for (const deviceType of ['usb', 'hid', 'serial']) {
      expect(session.devicePermissionHandler?.({ deviceType, origin: ORIGIN, device: {} })).toBe(false);
    }
  });

  it("sets the handlers on the view's own partition, not on the default session", async () => {
    const { session } = await guardedView();
    expect(session.partition).toBe('impersonation-guards');
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(electronFake.defaultSession.permissionRequestHandler).toBeNull();
    expect(electronFake.defaultSession.beforeRequest).toBeNull();
    expect(electronFake.defaultSession.listenerCount('will-download')).toBe(0);
  });
});

describe('downloads and webviews', () => {
  it('refuses a download, even from the connection origin', async () => {
    const { session, lines } = await guardedView();
    const download = fakeEvent();
    session.emit('will-download', download, { getURL: () => `${ORIGIN}/web/content/42?download=true&access_token=abc` }, {});
    expect(download.defaultPrevented).toBe(true);
    expect(lines[0]).toContain('"kind":"download"');
    expect(lines[0]).not.toContain('access_token');
  });

  it('refuses to attach a webview', async () => {
    const { contents, lines } = await guardedView();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://evil.test/x' });
    expect(attach.defaultPrevented).toBe(true);
    expect(lines[0]).toContain('"kind":"webview"');
  });
});

describe("the server session stays the console's to end", () => {
  const call = (method: string) => JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'res.users', method, args: [] } });
  // Built per test: a blob's handle lives only as long as its request.
  const post = (parts: () => FakeUploadPart[]) => () => ({ url: `${ORIGIN}/web/dataset/call_kw`, method: 'POST', resourceType: 'xhr' as const, uploadData: parts() });
  const get = (url: string, method = 'GET') => () => ({ url, method });

  it.each([
    ['logging out', get(`${ORIGIN}/web/session/logout`)],
    ['destroying the session', get(`${ORIGIN}/web/session/destroy`, 'POST')],
    ['logging in again over the impersonated cookie', get(`${ORIGIN}/web/login`, 'POST')],
    ['authenticating over JSON', get(`${ORIGIN}/web/session/authenticate`, 'POST')],
    ['going back to the original user', get(`${ORIGIN}/web/dataset/call_kw/res.users/back_to_origin_login`, 'POST')],
    ['going back under a cosmetic URL, as bytes', post(() => [rawPart(call('back_to_origin_login'))])],
    ['impersonating someone else, as bytes', post(() => [rawPart(call('impersonate_login'))])],
    ['going back, sent as a Blob (read through getBlobData)', post(() => [blobPart(call('back_to_origin_login'))])],
    ['going back, split across a string and a Blob', post(() => [rawPart(call('back_to_origin_login').slice(0, 40)), blobPart(call('back_to_origin_login').slice(40))])],
  ])('cancels %s from inside the view', async (_what, request) => {
    const { session, lines } = await guardedView();
    expect(await session.request(request())).toEqual({ cancel: true });
    expect(lines[0]).toContain('"kind":"session-switch"');
  });

  it.each([
    ['showing the login form', get(`${ORIGIN}/web/login?redirect=%2Fodoo`)],
    ['an ordinary model call, as bytes', post(() => [rawPart(call('web_search_read'))])],
    ['an ordinary model call, as a Blob', post(() => [blobPart(call('web_search_read'))])],
    ['a page load', get(`${ORIGIN}/odoo/contacts`)],
  ])('lets %s through', async (_what, request) => {
    const { session, lines } = await guardedView();
    expect(await session.request(request())).toEqual({ cancel: false });
    expect(lines).toEqual([]);
  });

  it('never reads a stream body, which would take it from the request', async () => {
    const { session } = await guardedView();
    const stream = streamPart();
    await session.request(post(() => [stream])());
    expect(stream.consumed).toBe(false);
  });

  it('answers for a file or stream body too (the policy decides what unreadable means)', async () => {
    const { session } = await guardedView();
    expect(await session.request(post(() => [filePart('/home/admin/report.pdf')])())).toHaveProperty('cancel');
    expect(await session.request(post(() => [streamPart()])())).toHaveProperty('cancel');
  });
});

describe('read-only (issue 17): the guards decide with the session’s access, asked on every request', () => {
  const body = (model: string, method: string, args: unknown[] = [[7]]) =>
    JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model, method, args, kwargs: { vals: { signature: 'Seeded-secret' } } } });
  const call = (model: string, method: string, parts: () => FakeUploadPart[]) => () => ({
    url: `${ORIGIN}/web/dataset/call_kw/${model}/${method}`,
    method: 'POST',
    resourceType: 'xhr' as const,
    referrer: `${ORIGIN}/odoo/action-42`,
    uploadData: parts(),
  });

  async function readOnlyView() {
    let access: ViewAccess = READ_ONLY;
    const activities: ViewActivity[] = [];
    const view = new WebContentsView({ webPreferences: { partition: 'impersonation-read-only' } });
    attachRemoteViewGuards(view.webContents, new OriginPolicy(ORIGIN), createLogger(() => {}), {
      access: () => access,
      onActivity: (activity) => activities.push(activity),
    });
    const contents = electronFake.onlyView().webContents;
    await contents.loadURL(`${ORIGIN}/odoo`);
    return { session: contents.session, activities, allow: () => (access = CHANGES_ALLOWED) };
  }

  it('cancels a save while read-only, lets it through once changes are allowed, and reports both with names and ids only', async () => {
    const { session, activities, allow } = await readOnlyView();
    const save = call('res.users', 'web_save', () => [rawPart(body('res.users', 'web_save'))]);
    expect(await session.request(save())).toEqual({ cancel: true });
    allow();
    expect(await session.request(save())).toEqual({ cancel: false });
    const calls = activities.filter((activity) => activity.call.kind === 'model-method');
    expect(calls.map((activity) => [activity.allowed, activity.refusal, activity.effect])).toEqual([
      [false, 'read-only', 'change'],
      [true, null, 'change'],
    ]);
    expect(calls[0]).toMatchObject({ call: { model: 'res.users', method: 'web_save', ids: [7] }, referrer: `${ORIGIN}/odoo/action-42` });
    expect(JSON.stringify(activities)).not.toContain('Seeded-secret');
  });

  it('lets reads through, answers a read-marker from the session check, and refuses the bus while read-only', async () => {
    const { session } = await readOnlyView();
    expect(await session.request(call('res.partner', 'web_read', () => [rawPart(body('res.partner', 'web_read'))])())).toEqual({ cancel: false });
    const marker = { url: `${ORIGIN}/discuss/channel/mark_as_read`, method: 'POST', resourceType: 'xhr' as const, uploadData: [rawPart(JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { channel_id: 1, last_message_id: 9 } }))] };
    expect(await session.request(marker)).toEqual({ cancel: false, redirectURL: `${ORIGIN}/web/session/check` });
    expect(await session.request({ url: `${ORIGIN}/websocket?version=18.0-5`, method: 'GET' })).toEqual({ cancel: true });
  });
});
