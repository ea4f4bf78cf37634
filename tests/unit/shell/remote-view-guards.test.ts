import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { WebContentsView } from 'electron';
import { createLogger } from '../../../src-main/core/logger';
import { OriginPolicy } from '../../../src-main/core/view-policy/origin-policy';
import { attachRemoteViewGuards } from '../../../src-main/shell/remote-view-guards';
import { electronFake, fakeEvent } from '../../support/electron-mock';

const ORIGIN = 'https://odoo.example.com';

function guardedView() {
  const lines: string[] = [];
  const view = new WebContentsView({ webPreferences: { partition: 'impersonation-guards' } });
  attachRemoteViewGuards(view.webContents, new OriginPolicy(ORIGIN), createLogger((line) => lines.push(line)));
  const contents = electronFake.onlyView().webContents;
  return { contents, session: contents.session, lines };
}

const foreignUrls = [
  ['a look-alike host', 'https://odoo.example.com.evil.test/odoo'],
  ['a userinfo trick', 'https://odoo.example.com@evil.test/odoo'],
  ['another port', 'https://odoo.example.com:8443/odoo'],
  ['about:blank', 'about:blank'],
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['file:', 'file:///etc/passwd'],
  ['another host', 'https://evil.test/login'],
] as const;

beforeEach(() => electronFake.reset());

describe('navigation guards', () => {
  for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
    it.each(foreignUrls)(`${event}: refuses %s`, (_what, url) => {
      const { contents } = guardedView();
      const navigation = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: null });
      contents.emit(event, navigation);
      expect(navigation.defaultPrevented).toBe(true);
    });

    it(`${event}: lets the page move within the connection's origin`, () => {
      const { contents, lines } = guardedView();
      const navigation = fakeEvent({ url: `${ORIGIN}/odoo/contacts?view_type=list`, isMainFrame: true });
      contents.emit(event, navigation);
      expect(navigation.defaultPrevented).toBe(false);
      expect(lines).toEqual([]);
    });
  }

  it('logs a refusal with its kind and the origin only, never the path or a token in the query', () => {
    const { contents, lines } = guardedView();
    contents.emit('will-redirect', fakeEvent({ url: 'https://sso.evil.test:444/cb?token=T0K3N-CANARY&session_id=S3SS' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('remote-view.refused');
    expect(lines[0]).toContain('"kind":"redirect"');
    expect(lines[0]).toContain('"target":"https://sso.evil.test:444"');
    expect(lines[0]).not.toMatch(/T0K3N|S3SS|\/cb/);
  });
});

describe('new windows', () => {
  it.each([
    ['on another host', 'https://evil.test/phish'],
    ['even on the connection origin', `${ORIGIN}/odoo/action-9`],
  ])('denies window.open %s and hands nothing to the desktop', (_what, url) => {
    const { contents, lines } = guardedView();
    expect(contents.requestWindow(url)).toEqual({ action: 'deny' });
    expect(electronFake.openedExternally).toEqual([]);
    expect(lines.join('\n')).toContain('"kind":"new-window"');
  });
});

describe('permissions', () => {
  it.each(['geolocation', 'notifications', 'media', 'clipboard-read', 'openExternal', 'fileSystem'])(
    'denies the request for %s',
    (permission) => {
      const { session, lines } = guardedView();
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

  it.each(['notifications', 'clipboard-sanitized-write', 'geolocation', 'hid'])('answers no to the check for %s', (permission) => {
    const { session } = guardedView();
    expect(session.permissionCheckHandler?.({}, permission, ORIGIN, {})).toBe(false);
  });

  it('denies USB, HID and serial devices', () => {
    const { session } = guardedView();
    for (const deviceType of ['usb', 'hid', 'serial']) {
      expect(session.devicePermissionHandler?.({ deviceType, origin: ORIGIN, device: {} })).toBe(false);
    }
  });

  it('sets the handlers on the view\'s own partition, not on the default session', () => {
    const { session } = guardedView();
    expect(session.partition).toBe('impersonation-guards');
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(electronFake.defaultSession.permissionRequestHandler).toBeNull();
    expect(electronFake.defaultSession.permissionCheckHandler).toBeNull();
    expect(electronFake.defaultSession.listenerCount('will-download')).toBe(0);
  });
});

describe('downloads and webviews', () => {
  it('refuses a download, even from the connection origin', () => {
    const { session, lines } = guardedView();
    const download = fakeEvent();
    session.emit('will-download', download, { getURL: () => `${ORIGIN}/web/content/42?download=true&access_token=abc` }, {});
    expect(download.defaultPrevented).toBe(true);
    expect(lines[0]).toContain('"kind":"download"');
    expect(lines[0]).not.toContain('access_token');
  });

  it('refuses to attach a webview', () => {
    const { contents, lines } = guardedView();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://evil.test/x' });
    expect(attach.defaultPrevented).toBe(true);
    expect(lines[0]).toContain('"kind":"webview"');
  });
});

describe('the server session stays the console\'s to end', () => {
  const json = (method: string) => [
    { bytes: Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'res.users', method, args: [] } })) },
  ];

  it.each([
    ['logging out', { url: `${ORIGIN}/web/session/logout`, method: 'GET' }],
    ['destroying the session', { url: `${ORIGIN}/web/session/destroy`, method: 'POST' }],
    ['logging in again over the impersonated cookie', { url: `${ORIGIN}/web/login`, method: 'POST' }],
    ['authenticating over JSON', { url: `${ORIGIN}/web/session/authenticate`, method: 'POST' }],
    ['going back to the original user', { url: `${ORIGIN}/web/dataset/call_kw/res.users/back_to_origin_login`, method: 'POST' }],
    ['going back under a cosmetic URL', { url: `${ORIGIN}/web/dataset/call_kw`, method: 'POST', uploadData: json('back_to_origin_login') }],
    ['impersonating someone else', { url: `${ORIGIN}/web/dataset/call_kw/x/y`, method: 'POST', uploadData: json('impersonate_login') }],
  ])('cancels %s from inside the view', async (_what, request) => {
    const { session, lines } = guardedView();
    expect(await session.request(request)).toEqual({ cancel: true });
    expect(lines[0]).toContain('"kind":"session-switch"');
  });

  it.each([
    ['showing the login form', { url: `${ORIGIN}/web/login?redirect=%2Fodoo`, method: 'GET' }],
    ['an ordinary model call', { url: `${ORIGIN}/web/dataset/call_kw/res.partner/web_search_read`, method: 'POST', uploadData: json('web_search_read') }],
    ['a page load', { url: `${ORIGIN}/odoo/contacts`, method: 'GET' }],
  ])('lets %s through', async (_what, request) => {
    const { session, lines } = guardedView();
    expect(await session.request(request)).toEqual({ cancel: false });
    expect(lines).toEqual([]);
  });
});
