// Seeds an audit store for the e2e tests, before the harness opens the same
// data folder:
//   node --import tsx tests/support/audit-seed/seed-cli.ts --data-dir DIR [--scenario audit-demo] [--now ISO]
// Prints one JSON line with what it wrote.
import { parseArgs } from 'node:util';
import { seedAuditDemo } from './seed-audit';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    scenario: { type: 'string', default: 'audit-demo' },
    now: { type: 'string' },
  },
});

const dataDir = values['data-dir'];
if (!dataDir) {
  process.stderr.write('seed-cli: --data-dir DIR is required\n');
  process.exit(2);
}
if (values.scenario !== 'audit-demo') {
  process.stderr.write(`seed-cli: unknown scenario "${values.scenario}" (known: audit-demo)\n`);
  process.exit(2);
}
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  process.stderr.write(`seed-cli: --now is not a date: ${values.now}\n`);
  process.exit(2);
}

const summary = await seedAuditDemo(dataDir, now);
process.stdout.write(`${JSON.stringify(summary)}\n`);
