// What core needs from the outside world, as interfaces: the audit store
// implements AuditLedger (src-main/audit), the Odoo connector the server side and
// ServerLogSource (src-main/odoo), the shell the view. Core stays free of I/O, and
// the connector and the audit store meet only here, never import each other.
export type { AdminIdentity, TargetIdentity } from './identities';
export type {
  AttemptRecord,
  AuditLedger,
  ConnectRefusalRecord,
  EndRecord,
  OpenSession,
  OpenWarmSession,
  ServerSettingRecord,
  StartRecord,
  WarmEnd,
} from './audit-ledger';
export type { ImpersonationViewPort, ImpersonationViewSpec, ViewActivity } from './impersonation-view';
export type {
  ChangesAllowedRecord,
  ChangesMode,
  TimelineBound,
  TimelineEntry,
  TimelineSummary,
  TimelineSummaryRow,
} from './view-timeline';
export {
  AdminRightsRefusal,
  SecondFactorRefusal,
  type ChangesAllowedFacts,
  type ImpersonateLogRow,
  type ImpersonateLogWatch,
  type ImpersonationHandle,
  type ImpersonateOptions,
  type SwitchedSession,
  type WarmHandle,
  type LeftOpen,
  type OdooImpersonationPort,
  type RevokeOutcome,
  type ServerAuditEntry,
  type ServerEndFacts,
  type ServerEndResult,
  type ServerLogClosing,
  type ServerStepOutcome,
  type SessionWitness,
  type TamperReport,
  type TargetRecord,
} from './odoo-impersonation';
export {
  CONSOLE_CHANGES_LOG_NAME,
  CONSOLE_LOG_NAME,
  EVERY_ROW,
  type ConsoleLogMessage,
  type ServerLogWindow,
  type ServerLogKind,
  type ServerLogPage,
  type ServerLogRow,
  type ServerLogSource,
} from './server-logs';
