// The audit store's public surface, for the composition root and the ConsoleApi.
export { openAuditDatabase, durabilitySettings, type AuditDatabase, type OpenAuditDatabaseOptions } from './audit-database';
export { AuditStore, MAX_REASON_LENGTH, SESSION_IDENTIFIER_LENGTH } from './audit-store';
export { AuditQueries } from './audit-queries';
export { exportAudit, csvCell, toCsv } from './audit-export';
export { MirrorSync, type MirrorSyncOptions, type SyncProgressListener } from './mirror-sync';
export { lastSyncAt, latestSyncAt } from './sync-state';
export { pruneAudit, type PruneResult } from './retention';
export { verifyChain, hashEvent, canonicalJson, GENESIS_HASH, type ChainRow } from './hash-chain';
