// What the admin sees when the embedded page is refused something it would
// have shown (SS-6). A refused link or redirect leaves the page where it was,
// and the banner says why nothing happened. A refused main-frame request —
// Odoo's own "Log out" is a plain link to /web/session/logout, which the
// session rule refuses (only Stop may end the server session) — leaves
// Chromium's error page (ERR_BLOCKED_BY_CLIENT, chrome-error://): the view is
// taken back to the last page of the server it showed, and the banner says so,
// or says that it could not and that Stop ends the impersonation.
import type { WebContents } from 'electron';
import type { ViewRefusal } from '../../src-preload/contract';
import { originForLog, type OriginPolicy } from '../core';
import type { MainFrameRefusal } from './remote-view-guards';

/** Chromium's net::ERR_BLOCKED_BY_CLIENT: a request our webRequest listener cancelled. */
export const ERR_BLOCKED_BY_CLIENT = -20;

export type ViewRefusalListener = (refusal: ViewRefusal) => void;

export class RefusedNavigationRecovery {
  private lastAllowedUrl: string | null = null;
  /** A main-frame request we cancelled: its error page is on its way. */
  private pending: MainFrameRefusal | null = null;
  private returning = false;

  constructor(
    private readonly contents: WebContents,
    private readonly policy: OriginPolicy,
    private readonly notify: ViewRefusalListener,
  ) {
    contents.on('did-navigate', (_event, url) => this.remember(url));
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) this.remember(url);
    });
    contents.on('did-fail-load', (_event, errorCode, _description, validatedUrl, isMainFrame) => {
      const refusal = this.pending;
      if (!isMainFrame || errorCode !== ERR_BLOCKED_BY_CLIENT || !refusal || refusal.url !== validatedUrl) return;
      this.pending = null;
      // After this load has finished failing, not inside it.
      setImmediate(() => this.goBack(refusal));
    });
  }

  /** The guards' report (remote-view-guards.ts `onRefused`). */
  refused(refusal: MainFrameRefusal): void {
    if (refusal.kind === 'session-switch') {
      this.pending = refusal;
      return;
    }
    // The navigation was cancelled or the window denied: the page did not move.
    this.tell(refusal, this.lastAllowedUrl !== null);
  }

  private remember(url: string): void {
    if (this.policy.allows(url)) this.lastAllowedUrl = url;
  }

  private goBack(refusal: MainFrameRefusal): void {
    const target = this.lastAllowedUrl;
    if (this.contents.isDestroyed()) return;
    if (!target || this.returning) {
      this.tell(refusal, false);
      return;
    }
    this.returning = true;
    this.contents.loadURL(target).then(
      () => this.tell(refusal, true),
      () => this.tell(refusal, false),
    ).finally(() => {
      this.returning = false;
    });
  }

  private tell(refusal: MainFrameRefusal, returned: boolean): void {
    this.notify({ kind: refusal.kind, target: originForLog(refusal.url), returned });
  }
}
