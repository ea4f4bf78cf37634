// The embedded Odoo view as the flow drives it; implemented by src-main/shell
// (ImpersonationView) and, in the harness, by a stand-in.

export interface ImpersonationViewPort {
  /**
   * Creates the view on a new in-memory partition unique to this session, sets the
   * `session_id` cookie on that partition only, and loads `url`. Rejects if it cannot.
   */
  open(spec: ImpersonationViewSpec): Promise<void>;
  /** Hides and destroys the view and clears its partition's storage. Idempotent. */
  close(): Promise<void>;
  /**
   * Calls `listener` after every top-level navigation the view commits (a page load,
   * a reload, a form post), so the tripwire asks the server at once who the session
   * is now. One listener: a later call replaces it.
   */
  onNavigated(listener: () => void): void;
}

export interface ImpersonationViewSpec {
  /** Unique per session; names the partition (never `persist:`). */
  sessionKey: string;
  /** The connection's origin: the only one the view may navigate to. */
  origin: string;
  /** Odoo's session cookie value: stays in main, set on the partition only. */
  sessionCookie: string;
  url: string;
}
