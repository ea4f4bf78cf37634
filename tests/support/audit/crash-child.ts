// Child process of the crash test (FT-4): appends audit records as fast as it
// can and, after each commit returns, reports it on stdout with a synchronous
// write, so that every line the parent reads is a row the store acknowledged.
// The parent SIGKILLs it at random moments.
import { writeSync } from 'node:fs';
import { openAuditDatabase } from '../../../src-main/audit/audit-database';
import { AuditStore } from '../../../src-main/audit/audit-store';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child <database file>');

const database = openAuditDatabase({ file });
const store = new AuditStore(database);
writeSync(1, 'ready\n');

let n = 0;
for (;;) {
  n += 1;
  const at = new Date();
  const id = await store.recordAttempt({
    connectionKey: 'https://odoo.example.com|crash',
    serverKey: 'uuid:9fba73b8-ec03-11f1-aa9b-02fc00000001',
    admin: { uid: 2, login: 'admin', name: 'Admin' },
    target: { id: 7, login: 'marc', name: 'Marc' },
    reason: `crash round record ${n} `.padEnd(200, 'x'),
    allowed: n % 3 !== 0,
    refusal: n % 3 !== 0 ? null : 'rate-limited',
    at,
    clientHost: 'crash-test',
    appVersion: '0.0.0',
  });
  writeSync(1, `committed ${id}\n`);
  if (n % 3 !== 0) {
    await store.recordStart(id, { startedAtClient: at, startedAtServer: null, sessionIdentifier: 'c'.repeat(42), clientIp: null, serverIp: null, serverLogId: null });
    writeSync(1, `started ${id}\n`);
  }
}
