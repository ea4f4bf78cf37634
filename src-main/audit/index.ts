// The audit store's public face: what the other layers of main may use. The
// store knows SQLite and core's ports, nothing of the Odoo connector.
export { openAuditDatabase, durabilitySettings, type AuditDatabase, type OpenAuditDatabaseOptions } from './audit-database';
export { AuditStore } from './audit-store';
export { AuditQueries } from './audit-queries';
export { exportAudit, csvCell, toCsv } from './audit-export';
export { MirrorSync, type MirrorSyncOptions, type SyncProgressListener } from './mirror-sync';
export { lastSyncAt, latestSyncAt } from './sync-state';
export { pruneAudit, type PruneResult } from './retention';
export { verifyChain, hashEvent, canonicalJson, GENESIS_HASH, type ChainRow } from './hash-chain';
export { readSessionTimeline } from './session-timeline';
export { exportSession } from './session-export';
