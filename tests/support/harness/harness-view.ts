// The harness has no Electron, so no WebContentsView: this stands in for the
// impersonation view. Opening it starts a reverse proxy (view-proxy.ts) that holds
// the session cookie and serves the real Odoo page to the harness's UI, which lays
// it in the orange frame at the bounds the Session screen reports, as main lays the
// WebContentsView (harness-client/view-overlay.ts). Closing it closes the proxy and
// every connection through it. Never part of the app.
//   exposeCookieTo: test-only, writes the session cookie to that file so a test can
//     ask Odoo itself, in a separate browser context, who the session is;
//   recordRequestsTo: test-only, appends every request the policy decided on (JSON
//     lines, no cookie) for the web-client request list;
//   policyBypassTo: test-only, a deliberate hole in the policy (view-proxy-bypass.ts):
//     each opened view gets a fresh token, written to that file, with which a request
//     goes through undecided — so a test can prove the tripwire catches what got past.
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ViewBounds, ViewRefusal } from '../../../src-preload/contract';
import type { ConsoleView } from '../../../src-main/app/console';
import type { ImpersonationViewSpec, ViewActivity } from '../../../src-main/core/ports';
import type { ViewAccess } from '../../../src-main/core/view-policy';
import { newBypassToken } from './view-proxy-bypass';
import { ViewProxyServer } from './view-proxy-server';
import type { ViewProxy } from './view-proxy';

export interface HarnessViewOptions {
  exposeCookieTo?: string | null;
  recordRequestsTo?: string | null;
  policyBypassTo?: string | null;
}

type ChangeListener = () => void;

export class HarnessView implements ConsoleView {
  opened: Omit<ImpersonationViewSpec, 'sessionCookie'> | null = null;
  bounds: ViewBounds | null = null;
  private proxy: ViewProxy | null = null;
  private server: ViewProxyServer | null = null;
  private readonly changeListeners = new Set<ChangeListener>();
  private refusalListener: (refusal: ViewRefusal) => void = () => {};
  private navigatedListener: () => void = () => {};
  private activityListener: (activity: ViewActivity) => void = () => {};
  /** What the page may do now (issue 17): the proxy asks on every request. */
  private access: ViewAccess | null = null;

  constructor(private readonly options: HarnessViewOptions = {}) {}

  /** Starts the view's proxy port (before the UI is served: its CSP names the port). */
  async listen(): Promise<string[]> {
    this.server ??= await ViewProxyServer.start();
    return this.server.origins;
  }

  async open(spec: ImpersonationViewSpec): Promise<void> {
    if (this.proxy) throw new Error('The harness view is already open.');
    const server = this.server ?? (await ViewProxyServer.start());
    this.server = server;
    const record = this.options.recordRequestsTo;
    this.access = spec.access;
    const bypassFile = this.options.policyBypassTo;
    const policyBypassToken = bypassFile ? newBypassToken() : null;
    this.proxy = server.open({
      access: () => this.access ?? spec.access,
      onActivity: (activity) => this.activityListener(activity),
      origin: spec.origin,
      sessionCookie: spec.sessionCookie,
      landingUrl: spec.url,
      onRefused: (refusal) => this.refusalListener(refusal),
      onNavigated: () => this.navigated(),
      onRequest: record ? (request) => appendFileSync(record, `${JSON.stringify(request)}\n`) : undefined,
      policyBypassToken,
    });
    this.opened = { sessionKey: spec.sessionKey, origin: spec.origin, url: spec.url, access: spec.access };
    if (this.options.exposeCookieTo) writeFileSync(this.options.exposeCookieTo, spec.sessionCookie, { mode: 0o600 });
    if (bypassFile && policyBypassToken) writeFileSync(bypassFile, policyBypassToken, { mode: 0o600 });
    this.changed();
  }

  /** The session's "Allow changes", once on the record: the proxy decides with it from the next request. */
  setAccess(access: ViewAccess): void {
    this.access = access;
  }

  onActivity(listener: (activity: ViewActivity) => void): void {
    this.activityListener = listener;
  }

  onNavigated(listener: () => void): void {
    this.navigatedListener = listener;
  }

  /** A top-level navigation of the view: the tripwire asks the server at once. */
  navigated(): void {
    if (this.opened) this.navigatedListener();
  }

  async close(): Promise<void> {
    const proxy = this.proxy;
    this.proxy = null;
    this.opened = null;
    if (this.options.exposeCookieTo) rmSync(this.options.exposeCookieTo, { force: true });
    if (this.options.policyBypassTo) rmSync(this.options.policyBypassTo, { force: true });
    if (proxy) {
      this.server?.closeView();
      this.changed();
    }
  }

  /** Closes the view and its proxy's port (the harness is shutting down). */
  async dispose(): Promise<void> {
    await this.close();
    await this.server?.close();
    this.server = null;
  }

  setBounds(bounds: ViewBounds): void {
    this.bounds = bounds;
  }

  /** A new single-use URL of the open view for one UI, or null when none is open. */
  entryUrl(): string | null {
    return this.proxy?.entryUrl() ?? null;
  }

  /** Told when a view opens or closes. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Who hears what the page was refused (the banner, through main's events), as in the desktop app. */
  onViewRefused(listener: (refusal: ViewRefusal) => void): void {
    this.refusalListener = listener;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
