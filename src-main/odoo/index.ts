// The Odoo connector's public face: what the other layers of main may use. The
// connector knows Odoo (docs/odoo.md) and core's ports, nothing of the audit store.
export { OdooConnection, type OdooCredentials, type OdooTransportOptions } from './odoo-connection';
export { ConnectorImpersonationPort, type ImpersonationPortOptions } from './impersonation-port';
export { listDatabases } from './database-list';
export { OdooClient, type RpcAnswer } from './odoo-client';
export { OdooError, ODOO_ERROR_KINDS, isOdooError, odooErrorKey, type OdooErrorKind } from './odoo-error';
export { ImpersonatedSession, type ImpersonationFacts, type ImpersonatedUser } from './impersonated-session';
export type { EndReport, StepOutcome } from './impersonation';
export type { RevokeReport } from './device-revocation';
export type { ServerFeatures } from './server-features';
export type { SessionInfo } from './session-info';
export { parseServerUrl, isLoopbackHost, type ServerUrl } from './server-url';
export { consoleUserAgent, type TrustedDeviceSlot } from './second-factor';
export type { BaseUrlState } from './base-url';
