// The one typed contract between the console's UI and its main process.
// Main imports the schemas (values) to validate every payload; the renderer and
// the preload import only types from here (channel names live in channels.ts).
// Each schema and its type share one name.
import { z } from 'zod';
import type { EventName, MethodChannel } from './channels';
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from './limits';

// ---------------------------------------------------------------- shared pieces

const Id = z.number().int().positive().max(2 ** 31 - 1);
const Text = (max: number) => z.string().max(max);
const IsoTime = z.string();

export const Language = z.enum(['en', 'es']);
export type Language = z.infer<typeof Language>;

/** A translated message: `key` is `<file>.<name>` in the i18n resources (e.g. `odoo.accessDenied`). */
export const Message = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Message = z.infer<typeof Message>;

/** What every failed call answers: a kind to branch on and a message to show. */
export const ConsoleErrorShape = Message.extend({ kind: z.string() });
export type ConsoleErrorShape = z.infer<typeof ConsoleErrorShape>;

export const Page = z.object({
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
});

// ---------------------------------------------------------------- app, settings

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electronRuntime: z.boolean(),
  electronVersion: z.string().nullable(),
  chromeVersion: z.string().nullable(),
  transport: z.enum(['ipc', 'harness']),
});
export type AppInfo = z.infer<typeof AppInfo>;


export const Settings = z.object({
  language: Language,
  sessionLimitMinutes: z.number().int().min(MIN_SESSION_MINUTES).max(MAX_SESSION_MINUTES),
  /** null keeps everything. */
  retentionDays: z.number().int().min(1).max(36_500).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

// ---------------------------------------------------------------- connections

export const ConnectionId = z.object({ id: z.string().min(1).max(64) }).strict();
export type ConnectionId = z.infer<typeof ConnectionId>;

export const ConnectionInput = z
  .object({
    id: z.string().min(1).max(64).optional(),
    name: Text(100).trim().min(1),
    /** Parsed and normalised in main (IN-3); the UI's checks are a convenience. */
    url: Text(2048).trim().min(1),
    database: Text(200).trim().min(1),
    login: Text(200).trim().min(1),
    password: Text(1024).min(1).optional(),
    rememberPassword: z.boolean().default(false),
  })
  .strict();
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const SecretStorageMode = z.object({
  /** keychain: stored encrypted by the OS; memory-only: kept for this run only. */
  mode: z.enum(['keychain', 'memory-only']),
  reason: z.enum(['unavailable', 'basic_text']).nullable(),
});
export type SecretStorageMode = z.infer<typeof SecretStorageMode>;

export const Connection = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  database: z.string(),
  login: z.string(),
  passwordStored: z.boolean(),
  /** Plain http to anything but loopback (IN-3). */
  insecureHttp: z.boolean(),
  /** Issue 17.2: sessions on this connection may change data from the start (default: read-only until "Allow changes"). */
  changesFromStart: z.boolean(),
});
export type Connection = z.infer<typeof Connection>;

/** Settings ▸ "Allow changes from the start", per connection. */
export const ChangesFromStartRequest = z.object({ id: z.string().min(1).max(64), changesFromStart: z.boolean() }).strict();
export type ChangesFromStartRequest = z.infer<typeof ChangesFromStartRequest>;

export const ConnectionList = z.object({
  connections: z.array(Connection),
  secretStorage: SecretStorageMode,
});
export type ConnectionList = z.infer<typeof ConnectionList>;

export const ConnectRequest = z
  .object({
    id: z.string().min(1).max(64),
    password: Text(1024).min(1).optional(),
    /** Two-factor sign-in: the code from the authenticator app, checked in main (6 digits; spaces ignored). */
    code: Text(32).optional(),
    /** Keep the server's trusted-device token in the keychain (else for this run only). On by default. */
    trustDevice: z.boolean().optional(),
  })
  .strict();
export type ConnectRequest = z.infer<typeof ConnectRequest>;

/** The server's web.base.url as Connect found it after the console's own sign-in. */
export const BaseUrlReport = z.object({
  /** web.base.url now; null where it is not set. */
  value: z.string().nullable(),
  /** web.base.url.freeze holds a value: no sign-in moves it. */
  frozen: z.boolean(),
  /** The address the console reaches the server at: what each of its sign-ins sets web.base.url to. */
  consoleAddress: z.string(),
  /** The console's own sign-in just rewrote it. */
  changedByThisLogin: z.boolean(),
  /** Not frozen, and moved or elsewhere: the admin is told what each sign-in does and offered the freeze. */
  warning: z.boolean(),
});
export type BaseUrlReport = z.infer<typeof BaseUrlReport>;

export const FreezeBaseUrlRequest = z.object({ address: Text(2048).trim().min(1) }).strict();
export type FreezeBaseUrlRequest = z.infer<typeof FreezeBaseUrlRequest>;

export const ConnectionReport = z.object({
  ok: z.boolean(),
  serverVersion: z.string().nullable(),
  moduleInstalled: z.boolean(),
  isSystemAdmin: z.boolean(),
  inImpersonationGroup: z.boolean(),
  /** What this server version lets the console do beyond the essentials (Odoo 17 has neither). */
  capabilities: z.object({
    /** The IP address the server saw for a session (res.device.log). */
    serverSeenIp: z.boolean(),
    /** Ending a session whose cookie is lost, by its identifier (crash recovery). */
    revokeOrphans: z.boolean(),
  }),
  admin: z.object({ uid: z.number(), name: z.string(), login: z.string() }).nullable(),
  /** Two-factor sign-in of the connecting login (auth_totp's totp_enabled); 'unavailable' without auth_totp. */
  twoFactor: z.enum(['on', 'off', 'unavailable']),
  /** null where it could not be read. */
  baseUrl: BaseUrlReport.nullable(),
  /** Each missing piece, with what to do on the server. */
  problems: z.array(Message),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export const ConnectionStatus = z.object({
  connected: z.boolean(),
  connectionId: z.string().nullable(),
  report: ConnectionReport.nullable(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const DatabasesRequest = z.object({ url: Text(2048).trim().min(1) }).strict();
export const DatabaseList = z.object({ databases: z.array(z.string()).nullable() });
export type DatabaseList = z.infer<typeof DatabaseList>;

// ---------------------------------------------------------------- users

export const IneligibleReason = z.enum(['self', 'administrator', 'portal', 'archived', 'superuser']);
export type IneligibleReason = z.infer<typeof IneligibleReason>;

export const UserSearch = Page.extend({
  query: Text(200).default(''),
  includeArchived: z.boolean().default(true),
}).strict();
export type UserSearch = z.infer<typeof UserSearch>;

export const UserRow = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  type: z.enum(['internal', 'portal']),
  active: z.boolean(),
  eligible: z.boolean(),
  reasons: z.array(IneligibleReason),
});
export type UserRow = z.infer<typeof UserRow>;

export const UserPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(UserRow),
});
export type UserPage = z.infer<typeof UserPage>;

// ---------------------------------------------------------------- impersonation

/** The raw reason: validated in main (IN-1) so that the refusal is translated. */
export const ImpersonationRequest = z
  .object({ targetId: Id, reason: Text(5000) })
  .strict();
export type ImpersonationRequest = z.infer<typeof ImpersonationRequest>;

/** "Allow changes" (issue 17.2): the second reason, raw, validated in main by the same rule as the first. */
export const AllowChangesRequest = z.object({ reason: Text(5000) }).strict();
export type AllowChangesRequest = z.infer<typeof AllowChangesRequest>;
/** The reason dialog opened for this target: main may warm the fresh session meanwhile (issue 13). */
export const PrewarmRequest = z.object({ targetId: Id }).strict();
export type PrewarmRequest = z.infer<typeof PrewarmRequest>;

/** Whether a warm session is ready for that dialog (nothing else: it is main's alone). */
export const PrewarmResult = z.object({ warm: z.boolean() });
export type PrewarmResult = z.infer<typeof PrewarmResult>;

/** The rate limit as it stands for this admin now (no attempt is made by asking). */
export const AttemptAllowance = z.object({
  limit: z.number(),
  remaining: z.number(),
  retryAfterSeconds: z.number().nullable(),
});
export type AttemptAllowance = z.infer<typeof AttemptAllowance>;

export const CheckResult = z.object({
  allowed: z.boolean(),
  refusal: Message.nullable(),
  remainingAttempts: z.number(),
  retryAfterSeconds: z.number().nullable(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const EndCause = z.enum([
  'banner',
  'tray',
  'timeout',
  'quit',
  'window-close',
  'shutdown',
  'suspend',
  'recovered',
  'server-expired',
  /** The tripwire: the server said the session was no longer what the console started. */
  'tampered',
  'error',
]);
export type EndCause = z.infer<typeof EndCause>;

export const SessionPhase = z.enum(['idle', 'starting', 'active', 'stopping', 'ended']);
export type SessionPhase = z.infer<typeof SessionPhase>;

export const SessionChanges = z.object({
  allowed: z.boolean(),
  fromStart: z.boolean(),
  allowedAt: IsoTime.nullable(),
});
export type SessionChanges = z.infer<typeof SessionChanges>;

export const SessionView = z.object({
  phase: SessionPhase,
  target: z.object({ id: z.number(), name: z.string(), login: z.string() }).nullable(),
  reason: z.string().nullable(),
  startedAt: IsoTime.nullable(),
  /** When the session ended here (the view closed); null until then. */
  endedAt: IsoTime.nullable(),
  deadline: IsoTime.nullable(),
  secondsLeft: z.number().nullable(),
  /** Shortly before the deadline. */
  warning: z.boolean(),
  /** The view is gone but the server-side end is still being retried (FT-3). */
  serverEndPending: z.boolean(),
  endCause: EndCause.nullable(),
  error: ConsoleErrorShape.nullable(),
  /** The session's row in the Logs (audit:session's id), once its start is recorded. */
  recordId: z.string().nullable(),
  /**
   * Issue 17: whether the page may change data. Read-only unless the connection allows
   * changes from the start (`fromStart`) or "Allow changes" was confirmed (`allowedAt`).
   * Null before a session is claimed.
   */
  changes: SessionChanges.nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

export const ViewBounds = z
  .object({
    x: z.number().int().min(0).max(100_000),
    y: z.number().int().min(0).max(100_000),
    width: z.number().int().min(0).max(100_000),
    height: z.number().int().min(0).max(100_000),
  })
  .strict();
export type ViewBounds = z.infer<typeof ViewBounds>;

export const Countdown = z.object({ secondsLeft: z.number(), warning: z.boolean() });
export type Countdown = z.infer<typeof Countdown>;

/** What a refused change would have reached (issue 17): names only, never a value. */
export const RefusedCall = z.object({
  model: z.string().nullable(),
  method: z.string().nullable(),
  /** The route as Odoo routes it (a JSON route names the change when no method does). */
  route: z.string(),
});
export type RefusedCall = z.infer<typeof RefusedCall>;

/** The embedded page was refused something the admin would notice (SS-6): shown in the banner. */
export const ViewRefusal = z.object({
  /**
   * Leave the server, follow a redirect elsewhere, end or switch its own session (Odoo's
   * Log out), open a window — or, in a read-only session, change data (`read-only`, with `call`).
   */
  kind: z.enum(['navigate', 'redirect', 'session-switch', 'new-window', 'read-only']),
  /** Where it tried to go: an origin (or a bare scheme), never a path or query. */
  target: z.string(),
  /** The view shows an allowed page of the server again (or never left it). */
  returned: z.boolean(),
  call: RefusedCall.optional(),
});
export type ViewRefusal = z.infer<typeof ViewRefusal>;

// ---------------------------------------------------------------- audit

export const AuditSource = z.enum(['local', 'server']);
export const AuditOutcome = z.enum(['refused', 'failed', 'started', 'ended', 'open']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditFilters = z
  .object({
    admin: Text(200).optional(),
    target: Text(200).optional(),
    from: IsoTime.optional(),
    to: IsoTime.optional(),
    outcome: AuditOutcome.optional(),
    source: z.enum(['local', 'server', 'all']).default('all'),
  })
  .strict();
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditSortField = z.enum(['startedAt', 'admin', 'target', 'duration', 'outcome']);

export const AuditQuery = Page.extend({
  filters: AuditFilters.default({ source: 'all' }),
  sort: z
    .object({ field: AuditSortField, dir: z.enum(['asc', 'desc']) })
    .default({ field: 'startedAt', dir: 'desc' }),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Full text over reasons and names, narrowed by the same filters and sorted like audit.list. */
export const AuditSearch = Page.extend({
  text: Text(200).trim().min(1),
  filters: AuditQuery.shape.filters,
  sort: AuditQuery.shape.sort,
}).strict();
export type AuditSearch = z.infer<typeof AuditSearch>;

/**
 * Where one impersonation's records come from (AU-8): this console's own record, a
 * console's ir.logging entries on the server, Odoo's impersonate.log row. `agreement`
 * compares them: 'confirms' — the server's copy agrees with this console's record (or,
 * for another console's session, its entries and Odoo's log agree with each other);
 * agreement, not proof, since any internal Odoo user may rewrite impersonate.log rows.
 * 'differs' names the `differences`; 'pending' — a record the server should hold is
 * not in the mirror (yet); 'none' — nothing to compare (a refused attempt, Odoo's log alone).
 */
export const Provenance = z.object({
  recordedHere: z.boolean(),
  consoleEntry: z.boolean(),
  odooLog: z.boolean(),
  /** Odoo's log alone: an impersonation made from Odoo's own menu, outside any console. */
  outsideConsole: z.boolean(),
  agreement: z.enum(['confirms', 'differs', 'pending', 'none']),
  differences: z.array(z.string()),
});
export type Provenance = z.infer<typeof Provenance>;

export const AuditRow = z.object({
  id: z.string(),
  source: AuditSource,
  /** Display names, and the logins beside them, the same whatever the source. */
  admin: z.string(),
  adminLogin: z.string().nullable(),
  target: z.string(),
  targetLogin: z.string().nullable(),
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  durationSeconds: z.number().nullable(),
  reason: z.string().nullable(),
  clientIp: z.string().nullable(),
  serverIp: z.string().nullable(),
  outcome: AuditOutcome,
  endCause: z.string().nullable(),
  refusal: z.string().nullable(),
  provenance: Provenance,
  /**
   * This console's records: 'chained' — what the audit chain says; 'altered' — the stored
   * row was changed outside the console, and what is shown is the chain's; 'unrecorded' —
   * a row the console never wrote. Rows known only from the server: 'server'.
   */
  integrity: z.enum(['chained', 'altered', 'unrecorded', 'server']),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = z.object({ total: z.number(), rows: z.array(AuditRow) });
export type AuditPage = z.infer<typeof AuditPage>;

const StoredFields = z.array(z.object({ name: z.string(), value: z.string() }));

export const AuditDetail = AuditRow.extend({
  /** The primary record's stored fields (this console's: as the chain has them). */
  fields: StoredFields,
  /** This console's chained events and the server's records' times, in time order; `source` says whose. */
  events: z.array(z.object({ at: IsoTime, type: z.string(), detail: z.string(), source: AuditSource })),
  /** The server's records of the same impersonation, as mirrored: the server's, not proof (AU-8). */
  serverRecords: z.array(z.object({ kind: z.enum(['console-start', 'console-end', 'odoo-log']), serverId: z.number(), fields: StoredFields })),
});
export type AuditDetail = z.infer<typeof AuditDetail>;

export const AuditSessionRequest = z.object({ id: Text(100).min(1) }).strict();

export const ChainStatus = z.object({
  ok: z.boolean(),
  /** Events whose hashes were checked. */
  checked: z.number(),
  /** This console's session records checked against their events (AU-6). */
  records: z.number(),
  /**
   * The first thing that does not hold: an event (`id`), or a session record (`record`,
   * with `id` its event) changed, deleted or never written by the console, or the store's
   * guards (a trigger removed, an anchor the chain does not confirm).
   */
  firstBroken: z.object({ id: z.number(), reason: z.string(), record: z.number().nullable() }).nullable(),
});
export type ChainStatus = z.infer<typeof ChainStatus>;

export const ExportRequest = z
  .object({
    format: z.enum(['csv', 'json']),
    filters: AuditFilters.default({ source: 'all' }),
    /** The search being shown: the export then holds exactly its rows. Blank means no search. */
    text: Text(200).trim().optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;

/** One request of the view as the session's timeline keeps it (issue 17.3): names and ids, never a value. */
export const TimelineEntry = z.object({
  at: IsoTime,
  /** model-method, button, action, route, form, bus, plumbing or resource. */
  kind: z.string(),
  route: z.string(),
  model: z.string().nullable(),
  method: z.string().nullable(),
  /** At most 20; `idCount` says how many the call named. */
  ids: z.array(z.number()),
  idCount: z.number(),
  action: z.string().nullable(),
  allowed: z.boolean(),
  /** read-only, read-marker, presence or session-switch when refused. */
  refusal: z.string().nullable(),
  /** It changes data (or would have): the read-only allowlist does not call it a read. */
  writes: z.boolean(),
  /** The top-level page (menu or action) it came from. */
  page: z.string().nullable(),
  /** Identical requests in a row, merged. */
  count: z.number(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** "changes": what changed her data (allowed writes); "refused": what the view refused. */
export const TimelineFilter = z.enum(['all', 'changes', 'refused']);
export type TimelineFilter = z.infer<typeof TimelineFilter>;

export const TimelineRequest = z.object({ id: Text(100).min(1), filter: TimelineFilter.default('all') }).strict();
export type TimelineRequest = z.infer<typeof TimelineRequest>;

export const SessionTimeline = z.object({
  /** Only this console's own sessions have a timeline (the server's end entry holds a summary). */
  available: z.boolean(),
  changesMode: z.enum(['read-only', 'allowed-from-start']).nullable(),
  /** "Allow changes" during the session: when, and the second reason. */
  changesAllowed: z.object({ at: IsoTime, reason: z.string() }).nullable(),
  entries: z.array(TimelineEntry),
  /** Entries of the session whatever the filter. */
  total: z.number(),
  /** Bounds the session reached: past them calls were counted, not itemised. */
  bounds: z.array(z.object({ at: IsoTime, what: z.enum(['reads', 'all']), limit: z.number() })),
});
export type SessionTimeline = z.infer<typeof SessionTimeline>;

export const SessionExportRequest = z.object({ id: Text(100).min(1), format: z.enum(['csv', 'json']) }).strict();
export type SessionExportRequest = z.infer<typeof SessionExportRequest>;

export const ExportResult = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string(), rows: z.number() });
export type ExportResult = z.infer<typeof ExportResult>;

export const SyncResult = z.object({
  fetched: z.number(),
  inserted: z.number(),
  updated: z.number(),
  /** Rows where the mirror and the server disagreed (AU-7): reported, server kept. */
  differences: z.number(),
  finishedAt: IsoTime,
});
export type SyncResult = z.infer<typeof SyncResult>;

export const SyncStatus = z.object({
  lastSyncAt: IsoTime.nullable(),
  running: z.boolean(),
  connected: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncProgress = z.object({ fetched: z.number(), total: z.number().nullable(), done: z.boolean() });
export type SyncProgress = z.infer<typeof SyncProgress>;

export const StatsRequest = z.object({ from: IsoTime.optional(), to: IsoTime.optional() }).strict();
export const AuditStats = z.object({
  days: z.array(z.object({ day: z.string(), admin: z.string(), count: z.number() })),
});
export type AuditStats = z.infer<typeof AuditStats>;

export const Notice = Message.extend({
  level: z.enum(['info', 'warning', 'error']),
  /** A later notice of the same topic replaces this one (e.g. the recovery of one server's sessions: pending, then done). */
  topic: z.string().max(500).optional(),
});
export type Notice = z.infer<typeof Notice>;

// ---------------------------------------------------------------- the contract

const None = z.undefined();
const Done = z.object({ ok: z.literal(true) });

/** Every method channel: what it accepts (validated in main) and what it answers. */
export const methods = {
  'app:info': { input: None, output: AppInfo },
  /** Notices raised before the UI could listen (e.g. a rebuilt audit database). */
  'app:notices': { input: None, output: z.array(Notice) },
  'settings:get': { input: None, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'connections:list': { input: None, output: ConnectionList },
  'connections:save': { input: ConnectionInput, output: Connection },
  'connections:remove': { input: ConnectionId, output: Done },
  'connections:databases': { input: DatabasesRequest, output: DatabaseList },
  'connections:test': { input: ConnectRequest, output: ConnectionReport },
  'connections:connect': { input: ConnectRequest, output: ConnectionReport },
  'connections:disconnect': { input: None, output: Done },
  'connections:status': { input: None, output: ConnectionStatus },
  'connections:setChangesFromStart': { input: ChangesFromStartRequest, output: Connection },
  /** The one change the console makes to the server's settings: freeze web.base.url at the confirmed address (recorded). */
  'connections:freezeBaseUrl': { input: FreezeBaseUrlRequest, output: ConnectionReport },
  'users:search': { input: UserSearch, output: UserPage },
  'impersonation:attempts': { input: None, output: AttemptAllowance },
  'impersonation:check': { input: ImpersonationRequest, output: CheckResult },
  'impersonation:prewarm': { input: PrewarmRequest, output: PrewarmResult },
  'impersonation:cancelPrewarm': { input: None, output: Done },
  'impersonation:start': { input: ImpersonationRequest, output: SessionView },
  'impersonation:stop': { input: None, output: SessionView },
  'impersonation:current': { input: None, output: SessionView },
  'impersonation:setViewBounds': { input: ViewBounds, output: Done },
  'impersonation:allowChanges': { input: AllowChangesRequest, output: SessionView },
  'audit:list': { input: AuditQuery, output: AuditPage },
  'audit:search': { input: AuditSearch, output: AuditPage },
  'audit:session': { input: AuditSessionRequest, output: AuditDetail },
  'audit:verify': { input: None, output: ChainStatus },
  'audit:export': { input: ExportRequest, output: ExportResult },
  'audit:sync': { input: None, output: SyncResult },
  'audit:syncStatus': { input: None, output: SyncStatus },
  'audit:stats': { input: StatsRequest, output: AuditStats },
  'audit:timeline': { input: TimelineRequest, output: SessionTimeline },
  'audit:exportSession': { input: SessionExportRequest, output: ExportResult },
} as const satisfies Record<MethodChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event main pushes, with its payload. */
export const events = {
  sessionState: SessionView,
  countdown: Countdown,
  syncProgress: SyncProgress,
  settingsChanged: Settings,
  notice: Notice,
  viewRefused: ViewRefusal,
} as const satisfies Record<EventName, z.ZodType>;

type Methods = typeof methods;
type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

export type MethodInput<C extends MethodChannel> = z.input<Methods[C]['input']>;
export type MethodOutput<C extends MethodChannel> = z.output<Methods[C]['output']>;
/** What a handler receives: the payload after parsing (defaults applied). */
export type ParsedInput<C extends MethodChannel> = z.output<Methods[C]['input']>;

type Call<C extends MethodChannel> = undefined extends MethodInput<C>
  ? (input?: MethodInput<C>) => Promise<MethodOutput<C>>
  : (input: MethodInput<C>) => Promise<MethodOutput<C>>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The UI's whole world: `consoleApi.<domain>.<verb>(input)` and `consoleApi.on.<event>(cb)`. */
export type ConsoleApi = {
  [D in Domain<MethodChannel>]: { [V in Verb<MethodChannel, D>]: Call<`${D}:${V}` & MethodChannel> };
} & {
  on: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
};

/** What main implements: one handler per channel, given the parsed payload. */
export type ConsoleHandlers = {
  [C in MethodChannel]: (input: ParsedInput<C>) => Promise<MethodOutput<C>> | MethodOutput<C>;
};

/** How main pushes events, whatever the transport. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The answer on the wire: a value, or a typed error (never a thrown exception across processes). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorShape };

type BridgeCall<C extends MethodChannel> = undefined extends MethodInput<C>
  ? (input?: MethodInput<C>) => Promise<Envelope<MethodOutput<C>>>
  : (input: MethodInput<C>) => Promise<Envelope<MethodOutput<C>>>;

/**
 * What the preload (or the harness) installs as `window.consoleApi`: the same
 * named methods, answering envelopes, because an Error's own fields do not survive
 * Electron's contextBridge. The renderer unwraps it into a ConsoleApi.
 */
export type ConsoleBridge = {
  [D in Domain<MethodChannel>]: { [V in Verb<MethodChannel, D>]: BridgeCall<`${D}:${V}` & MethodChannel> };
} & {
  on: ConsoleApi['on'];
};
