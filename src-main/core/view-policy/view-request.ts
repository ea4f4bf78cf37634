// What the impersonation view asks for, in a form with no Electron or HTTP
// library in it, so that one decision function serves both the desktop view's
// guards (shell/remote-view-guards.ts) and the harness's reverse proxy
// (tests/support/harness/): the same request gets the same answer in both.

/**
 * A request body as far as the caller could read it. Electron hands blob,
 * stream and file parts without their bytes; such a body is `unreadable`,
 * never mistaken for an empty one.
 */
export type ViewRequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'unreadable'; readonly why: 'blob' | 'stream' | 'file' | 'error' };

export const NO_BODY: ViewRequestBody = { kind: 'none' };

export interface ViewRequest {
  readonly url: string;
  readonly method: string;
  readonly body: ViewRequestBody;
}

/** Every kind of refusal the view's guards can make; logged with the origin only. */
export type RefusalKind =
  | 'navigate'
  | 'redirect'
  | 'frame-navigate'
  | 'new-window'
  | 'permission-request'
  | 'permission-check'
  | 'device-permission'
  | 'download'
  | 'webview'
  | 'session-switch'
  /** Read-only (issue 17): a request that would change data. */
  | 'read-only'
  /** Read-only: a marker Odoo writes by itself while she only looks (answered quietly). */
  | 'read-marker'
  /** Read-only: the bus's websocket, which would make her appear online. */
  | 'presence';

/** The kinds of navigation the view is asked about. */
export type NavigationKind = Extract<RefusalKind, 'navigate' | 'redirect' | 'frame-navigate'>;

export type ViewDecision = { readonly allowed: true } | { readonly allowed: false; readonly refusal: RefusalKind };

export const ALLOW: ViewDecision = { allowed: true };

export function refuse(refusal: RefusalKind): ViewDecision {
  return { allowed: false, refusal };
}
