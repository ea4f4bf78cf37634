// `npm run sim -- [--port N] [--host H] [--users N] [--logs N] [--version 17|18|19] [--no-module] [--hash-delay MS] [--latency MS]`
// Starts the Odoo simulator by hand (default 127.0.0.1:8069) and prints how to log in.
import { parseArgs } from 'node:util';
import { DEFAULT_USERS, startOdooSim } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8069' },
    host: { type: 'string', default: '127.0.0.1' },
    users: { type: 'string', default: '0' },
    logs: { type: 'string', default: '0' },
    version: { type: 'string', default: '18' },
    'no-module': { type: 'boolean', default: false },
    'hash-delay': { type: 'string', default: '500' },
    latency: { type: 'string', default: '0' },
  },
});

const version = Number(values.version);
if (version !== 17 && version !== 18 && version !== 19) throw new Error('--version must be 17, 18 or 19');

const sim = await startOdooSim({
  port: Number(values.port),
  host: values.host,
  seedUsers: Number(values.users),
  seedLogs: Number(values.logs),
  version,
  moduleInstalled: !values['no-module'],
  hashDelayMs: Number(values['hash-delay']),
  latencyMs: Number(values.latency),
});

const logins = DEFAULT_USERS.filter((u) => u.active !== false).map((u) => u.login);
console.log(`Odoo simulator (Odoo ${version}) listening on ${sim.url}`);
console.log(`database: ${sim.database}; logins (password = login): ${logins.join(', ')}`);
console.log('admin is a Settings administrator in the impersonation group; admin2 is a Settings administrator only.');

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
