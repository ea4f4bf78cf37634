// `npm run harness`: serves the console's real main-process services and the
// browser build of its UI on 127.0.0.1, and prints the URL to open. The first
// line on stdout is JSON ({"url": ...}) so tests can wait for it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness-server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
  },
});

const dataDir = values['data-dir'] ?? mkdtempSync(path.join(os.tmpdir(), 'impersonation-console-'));
const harness = await startHarness({ dataDir, port: Number(values.port) });
process.stdout.write(`${JSON.stringify({ url: harness.url, dataDir })}\n`);
process.stderr.write(`Impersonation Console harness: open ${harness.url}\n(data in ${dataDir}; Ctrl+C to stop)\n`);

const stop = () => void harness.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
