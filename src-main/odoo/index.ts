// The Odoo connector's public face.
export { OdooConnection, type OdooCredentials, type OdooTransportOptions } from './odoo-connection';
export { listDatabases } from './database-list';
export { OdooClient, type RpcAnswer } from './odoo-client';
export { OdooError, ODOO_ERROR_KINDS, isOdooError, odooErrorKey, type OdooErrorKind } from './odoo-error';
export { ImpersonationHandle, type ImpersonationFacts, type ImpersonatedUser } from './impersonated-session';
export type { EndReport, StepOutcome } from './impersonation';
export type { RevokeReport } from './device-revocation';
export type { ServerFeatures } from './server-features';
export type { SessionInfo } from './session-info';
export { parseServerUrl, isLoopbackHost, type ServerUrl } from './server-url';
export { SESSION_IDENTIFIER_LENGTH } from './cookie-jar';
