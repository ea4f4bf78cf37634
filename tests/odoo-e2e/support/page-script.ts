// What script of the framed Odoo page can send, run inside that page (the harness's
// view iframe, on the view proxy's origin) with Playwright's frame.evaluate — the way a
// stored XSS or a module's JavaScript would: fetch with a string or a Blob body,
// navigator.sendBeacon, and a navigation of a subframe it creates (a link or a form post,
// the only way to send Odoo 19's /json/2 a top-level-looking form). Each send of an
// escape variant is one PageSend; sendsOf decides which transports can carry which variant.
import type { Frame } from '@playwright/test';
import { fillBody, type EscapeVariant } from '../../support/escape-variants';

export type Transport = 'fetch' | 'fetch-blob' | 'beacon' | 'subframe';

export interface PageSend {
  variant: string;
  transport: Transport;
  method: 'GET' | 'POST';
  path: string;
  body: string | null;
  contentType: string | null;
  /** Test-only: the harness's policy-bypass header and token (fetch only), for a send that plays a hole. */
  bypass?: { header: string; token: string };
}

/** What the page saw: fetch answers its status, the proxy's refusal header and the answer; the others only go out. */
export interface PageSent {
  status: number | null;
  refusal: string | null;
  /** The start of fetch's answer (a JSON-RPC result or error, a refusal page). */
  answer: string | null;
  /** sendBeacon's answer (false: the browser would not queue it). */
  queued: boolean | null;
  error: string | null;
}

/** Stands for the login form's CSRF token, which the page reads from its own `odoo` global. */
const CSRF = 'CSRF_FROM_THE_PAGE';

/** The transports that can carry a variant as page script sends it. */
export function sendsOf(variant: EscapeVariant, values: { db: string; login: string; password: string; adminUid: number }): PageSend[] {
  const body = fillBody(variant, { ...values, csrf: CSRF });
  const base = { variant: variant.name, method: variant.method, path: variant.path, body, contentType: variant.contentType ?? null };
  const sends: PageSend[] = [{ ...base, transport: 'fetch' }];
  if (body !== null) sends.push({ ...base, transport: 'fetch-blob' });
  // A beacon is a POST, with or without a body.
  if (variant.method === 'POST') sends.push({ ...base, transport: 'beacon' });
  // A link (GET) or a form (the login form, Odoo 19's form navigation) in a subframe.
  if (variant.method === 'GET' || variant.form || variant.navigation) sends.push({ ...base, transport: 'subframe' });
  return sends;
}

// The page's globals this file uses (the Node typecheck has no DOM types).
interface PageElement {
  setAttribute(name: string, value: string): void;
  append(...children: PageElement[]): void;
  remove(): void;
  addEventListener(type: string, listener: () => void, options?: { once: boolean }): void;
  submit(): void;
  name: string;
  value: string;
  style: Record<string, string>;
}
interface PageGlobals {
  document: { createElement(tag: string): PageElement; body: PageElement };
  navigator: { sendBeacon(url: string, data?: Blob): boolean };
  location: { origin: string };
  odoo?: { csrf_token?: string };
}

/** Sends one variant from inside the page; a subframe navigation resolves once its frame loaded. */
export function sendFromPage(frame: Frame, send: PageSend): Promise<PageSent> {
  return frame.evaluate(
    async ({ send, csrfMark }) => {
      const page = globalThis as unknown as PageGlobals;
      const csrf = encodeURIComponent(page.odoo?.csrf_token ?? '');
      const body = send.body === null ? null : send.body.replaceAll(csrfMark, csrf);
      // Never resolved against the page: `//web/...` must stay a path, as the variant spells it.
      const url = `${page.location.origin}${send.path}`;
      const sent: PageSent = { status: null, refusal: null, answer: null, queued: null, error: null };
      try {
        if (send.transport === 'fetch' || send.transport === 'fetch-blob') {
          const headers: Record<string, string> = send.contentType ? { 'Content-Type': send.contentType } : {};
          if (send.bypass) headers[send.bypass.header] = send.bypass.token;
          const payload = body === null ? undefined : send.transport === 'fetch-blob' ? new Blob([body], { type: send.contentType ?? '' }) : body;
          const response = await fetch(url, { method: send.method, headers, body: payload, credentials: 'include', redirect: 'follow' });
          sent.status = response.status;
          sent.refusal = response.headers.get('x-harness-view-refusal');
          sent.answer = (await response.text()).slice(0, 2_000);
        } else if (send.transport === 'beacon') {
          sent.queued = page.navigator.sendBeacon(url, body === null ? undefined : new Blob([body], { type: send.contentType ?? '' }));
        } else {
          const doc = page.document;
          const target = doc.createElement('iframe');
          target.name = `escape-${Date.now()}`;
          target.style.display = 'none';
          doc.body.append(target);
          const loaded = new Promise<void>((resolve) => target.addEventListener('load', () => resolve(), { once: true }));
          if (send.method === 'GET') {
            target.setAttribute('src', url);
          } else {
            const form = doc.createElement('form');
            form.setAttribute('method', 'POST');
            form.setAttribute('action', url);
            form.setAttribute('target', target.name);
            form.style.display = 'none';
            // The login form's fields; Odoo 19's form navigation is body-less.
            if (send.contentType === 'application/x-www-form-urlencoded' && body !== null) {
              for (const [name, value] of new URLSearchParams(body)) {
                const input = doc.createElement('input');
                input.name = name;
                input.value = value;
                form.append(input);
              }
            }
            doc.body.append(form);
            form.submit();
            form.remove();
          }
          await loaded;
          target.remove();
        }
      } catch (error) {
        sent.error = String(error);
      }
      return sent;
    },
    { send, csrfMark: CSRF },
  );
}

/** A navigation of a subframe to an allowed page: the tripwire asks the server at once (AZ-6). */
export function navigateSubframe(frame: Frame, path: string): Promise<void> {
  return frame.evaluate(async (path) => {
    const doc = (globalThis as unknown as PageGlobals).document;
    const target = doc.createElement('iframe');
    target.style.display = 'none';
    const loaded = new Promise<void>((resolve) => target.addEventListener('load', () => resolve(), { once: true }));
    target.setAttribute('src', path);
    doc.body.append(target);
    await loaded;
    target.remove();
  }, path);
}

/**
 * The quick switch (issue 11.2), as page script would send it had it got past the
 * policy: Back to Original User spelled as the escape variant `back`, then
 * impersonate_login of the target again — the session ends where it began, "target,
 * impersonated from the admin", with one new impersonate.log row. Both carry the
 * harness's test-only bypass token (view-proxy-bypass.ts).
 */
export function quickSwitchSends(back: EscapeVariant, values: { db: string; login: string; password: string; adminUid: number; targetUid: number }, bypass: { header: string; token: string }): PageSend[] {
  const again = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 2, params: { model: 'res.users', method: 'impersonate_login', args: [[values.targetUid]], kwargs: {} } });
  return [
    { variant: back.name, transport: 'fetch', method: back.method, path: back.path, body: fillBody(back, values), contentType: back.contentType ?? null, bypass },
    { variant: `impersonate_login of ${values.login} again`, transport: 'fetch', method: 'POST', path: '/web/dataset/call_kw/res.users/impersonate_login', body: again, contentType: 'application/json', bypass },
  ];
}
