// Read-only impersonation (issue 17): which requests of the view only read. An
// allowlist, so that anything it does not name — a button, `web_save`, `write`,
// `create`, `unlink`, posting a message, an upload, a route nobody has seen — is a
// change and is refused while the session is read-only. Built on Odoo's own method
// naming and its `@api.readonly` / `readonly=True` tags (18, 19), and checked against
// every request the real Odoo 17, 18 and 19 web clients send while a user only
// browses (tests/fixtures/webclient-requests-<version>.json, kept by the real-server
// e2e; docs/odoo.md, "What only looking changes"). Extend it only on that evidence.
//
// Three verdicts besides a read:
// - 'read-marker': a write Odoo makes by itself while she only looks (marking a
//   conversation read, "typing"): refused, and answered quietly so that Odoo shows
//   nothing (view-decisions.ts, QUIET_ANSWER_PATH);
// - 'bus': the bus's websocket, through which the page would make her appear online
//   (update_presence): refused while read-only — the desktop view's request filter
//   never sees the socket's frames, only its handshake;
// - 'change': everything else.
import type { ViewCall } from './view-call';

export type ReadOnlyVerdict = 'read' | 'read-marker' | 'bus' | 'change';

/**
 * Model methods that only read, on any model: the ORM's reads and Odoo's
 * `@api.readonly` methods, and `onchange`, which computes a form's values without
 * saving them.
 */
export const READ_METHODS: ReadonlySet<string> = new Set([
  'read',
  'search',
  'search_read',
  'search_count',
  'search_fetch',
  'name_search',
  'web_name_search',
  'web_read',
  'web_search_read',
  'read_group',
  'web_read_group',
  'formatted_read_group',
  'formatted_read_grouping_sets',
  'read_progress_bar',
  'fields_get',
  'get_views',
  'load_views',
  'onchange',
  'has_group',
  'has_groups',
  'search_panel_select_range',
  'search_panel_select_multi_range',
  'get_formview_action',
  'get_formview_id',
  'activity_format',
  'message_get_followers',
  'get_installed',
]);

/** Reads of one model only, seen while browsing (a generic name elsewhere). */
export const READ_MODEL_METHODS: ReadonlySet<string> = new Set([
  'res.users.action_get', // Preferences: the action that opens them
  'res.users.systray_get_activities', // 17: the activity menu
  'ir.ui.view.render_public_asset', // 17: the colour picker of Preferences' signature editor
  'ir.module.module.check_module_update', // 19: Apps (a search_count)
]);

/** What Odoo writes while she only looks at a conversation: the seen and fetched markers. */
export const READ_MARKER_MODEL_METHODS: ReadonlySet<string> = new Set(['discuss.channel.channel_fetched']);

/** Actions: loading one (what a menu does) reads; running a server action may write anything. */
const READ_ACTION_ROUTES: ReadonlySet<string> = new Set(['/web/action/load', '/web/action/load_breadcrumbs']);

/**
 * JSON routes that only read: seen while browsing, or tagged `readonly=True` by Odoo
 * 18/19 itself. `/mail/thread/messages` and `/discuss/channel/messages` are the only
 * way to show messages, and the server marks her "needaction" notifications on them
 * as done while answering: allowed, and said so in the README.
 */
export const READ_ROUTES: ReadonlySet<string> = new Set([
  '/mail/data',
  '/mail/init_messaging', // 17
  '/mail/load_message_failures', // 17
  '/mail/inbox/messages',
  '/mail/history/messages',
  '/mail/starred/messages',
  '/mail/thread/data',
  '/mail/thread/messages',
  '/discuss/channel/messages',
  '/discuss/channel/members',
  '/discuss/channel/pinned_messages',
  '/discuss/channel/attachments',
  '/discuss/channel/info',
  '/discuss/gif/categories',
  '/discuss/gif/favorites',
  '/bus/has_missed_notifications',
  '/web/export/formats',
  '/web/export/get_fields',
  '/web/export/namelist',
]);

/** Routes of the markers Odoo sends by itself while she looks (18/19, 17, and typing). */
export const READ_MARKER_ROUTES: ReadonlySet<string> = new Set([
  '/discuss/channel/mark_as_read',
  '/discuss/channel/set_last_seen_message',
  '/discuss/channel/notify_typing',
]);

export function readOnlyVerdict(call: ViewCall): ReadOnlyVerdict {
  switch (call.kind) {
    case 'resource':
    case 'plumbing':
      return 'read';
    case 'bus':
      return 'bus';
    case 'action':
      return READ_ACTION_ROUTES.has(call.route) ? 'read' : 'change';
    case 'model-method': {
      if (call.model === null || call.method === null) return 'change';
      const qualified = `${call.model}.${call.method}`;
      if (READ_METHODS.has(call.method) || READ_MODEL_METHODS.has(qualified)) return 'read';
      return READ_MARKER_MODEL_METHODS.has(qualified) ? 'read-marker' : 'change';
    }
    case 'route':
      if (READ_ROUTES.has(call.route)) return 'read';
      return READ_MARKER_ROUTES.has(call.route) ? 'read-marker' : 'change';
    case 'button': // every button in the base apps writes, or opens a wizard that does
    case 'form': // uploads and form posts
      return 'change';
  }
}

const RANK: Record<ReadOnlyVerdict, number> = { read: 0, 'read-marker': 1, bus: 2, change: 3 };

/** The strictest verdict over every form a request may be routed as. */
export function strictestVerdict(calls: readonly ViewCall[]): ReadOnlyVerdict {
  return calls.map(readOnlyVerdict).reduce((worst, next) => (RANK[next] > RANK[worst] ? next : worst), 'read');
}
