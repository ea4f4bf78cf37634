// The harness's stand-in for main placing the WebContentsView: an iframe of the
// view's proxy, laid over the Session screen's view area at the bounds the screen
// reports through `impersonation.setViewBounds` (window content coordinates, CSS
// pixels), hidden when the bounds are empty, gone when the view closes. The
// renderer is unchanged: it reports bounds to main as in the desktop app.
// The sandbox mirrors the desktop view's guards where a browser can: no windows,
// no downloads, no navigating the console's own page; scripts and the proxy's own
// origin (cookies, storage, Odoo's workers) are allowed.
import type { ViewBounds } from '../../../src-preload/contract';

const SANDBOX = 'allow-scripts allow-same-origin allow-forms';

export class ViewOverlay {
  private frame: HTMLIFrameElement | null = null;
  private bounds: ViewBounds | null = null;

  constructor(private readonly host: HTMLElement) {}

  /** The view opened (a fresh entry URL) or closed (null). */
  show(url: string | null): void {
    this.frame?.remove();
    this.frame = null;
    if (url === null) return;
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', SANDBOX);
    frame.setAttribute('data-testid', 'harness-view');
    frame.title = 'Odoo';
    frame.style.position = 'fixed';
    frame.style.border = '0';
    frame.style.zIndex = '10';
    frame.style.background = '#fff';
    frame.src = url;
    this.frame = frame;
    this.apply();
    this.host.append(frame);
  }

  place(bounds: ViewBounds): void {
    this.bounds = bounds;
    this.apply();
  }

  private apply(): void {
    const frame = this.frame;
    if (!frame) return;
    const bounds = this.bounds;
    const visible = bounds !== null && bounds.width > 0 && bounds.height > 0;
    frame.style.display = visible ? 'block' : 'none';
    if (!visible) return;
    frame.style.left = `${bounds.x}px`;
    frame.style.top = `${bounds.y}px`;
    frame.style.width = `${bounds.width}px`;
    frame.style.height = `${bounds.height}px`;
  }
}
