// The embedded Odoo view as the flow drives it; implemented by src-main/shell
// (ImpersonationView) and, in the harness, by a stand-in.
import type { ViewAccess, ViewActivity } from '../view-policy/view-decisions';

export type { ViewActivity } from '../view-policy/view-decisions';

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
  /**
   * From now on, decides the page's requests with `access` (issue 17: read-only, or
   * changes allowed). The session calls it only once the change is on the record.
   */
  setAccess(access: ViewAccess): void;
  /**
   * Calls `listener` for every request the view decided on for the connection's
   * host — allowed or refused — with what it reaches: the session's timeline and the
   * banner's "Read-only" notice. One listener: a later call replaces it.
   */
  onActivity(listener: (activity: ViewActivity) => void): void;
}


export interface ImpersonationViewSpec {
  /** Unique per session; names the partition (never `persist:`). */
  sessionKey: string;
  /** The connection's origin: the only one the view may navigate to. */
  origin: string;
  /** Odoo's session cookie value: stays in main, set on the partition only. */
  sessionCookie: string;
  url: string;
  /** What the page may do from the start: read-only unless the connection allows changes from the start. */
  access: ViewAccess;
}
