// The harness has no Electron, so no WebContentsView: this stands in for the
// impersonation view and records what the real one would be asked to do. With
// `exposeCookieTo` (the session e2e test only) it writes the session cookie to
// that file so the test can prove, in a separate browser context, that the
// session really is the target. Never part of the app.
import { rmSync, writeFileSync } from 'node:fs';
import type { ViewBounds } from '../../../src-preload/contract';
import type { ConsoleView } from '../../../src-main/app/console';
import type { ImpersonationViewSpec } from '../../../src-main/core/ports';

export class HarnessView implements ConsoleView {
  opened: Omit<ImpersonationViewSpec, 'sessionCookie'> | null = null;
  bounds: ViewBounds | null = null;
  private navigatedListener: () => void = () => {};

  constructor(private readonly exposeCookieTo: string | null = null) {}

  async open(spec: ImpersonationViewSpec): Promise<void> {
    this.opened = { sessionKey: spec.sessionKey, origin: spec.origin, url: spec.url };
    if (this.exposeCookieTo) writeFileSync(this.exposeCookieTo, spec.sessionCookie, { mode: 0o600 });
    // The stand-in "loads" its landing page: a top-level navigation, reported once the session is active.
    setImmediate(() => this.navigated());
  }

  onNavigated(listener: () => void): void {
    this.navigatedListener = listener;
  }

  /** A top-level navigation of the view: the tripwire asks the server at once. */
  navigated(): void {
    if (this.opened) this.navigatedListener();
  }

  async close(): Promise<void> {
    this.opened = null;
    if (this.exposeCookieTo) rmSync(this.exposeCookieTo, { force: true });
  }

  setBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
  }
}
