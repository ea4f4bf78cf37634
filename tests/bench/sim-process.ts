// The bench's Odoo simulator in a process of its own (tests/bench/audit-bench.ts): a real
// server is never in the console's process, so the sync's time and peak RSS should not
// hold the server's work and memory either. Seeds `--logs N` rows, prints one JSON line
// {url, database}, then reads commands on stdin, one per line:
//   append N   appends N rows after the history, ten a second (appendServerLogs); answers "ok"
// and ends when stdin closes.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { appendServerLogs } from '../support/audit/sim-server-logs';
import { startOdooSim } from '../support/odoo-sim';

const { values } = parseArgs({ options: { logs: { type: 'string', default: '0' } } });
const sim = await startOdooSim({ seedLogs: Number(values.logs), hashDelayMs: 0 });
process.stdout.write(`${JSON.stringify({ url: sim.url, database: sim.database })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, count] = line.trim().split(/\s+/);
  if (command === 'append') {
    appendServerLogs(sim.state, Number(count), { stepMs: 100 });
    process.stdout.write('ok\n');
  } else {
    process.stdout.write(`unknown command: ${line}\n`);
  }
}
await sim.close();
