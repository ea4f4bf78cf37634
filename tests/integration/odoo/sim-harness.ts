// Shared setup for the connector's integration tests against the simulator.
import { afterEach } from 'vitest';
import { OdooConnection, type OdooTransportOptions } from '../../../src-main/odoo';
import { startOdooSim, type OdooSim, type SimOptions } from '../../support/odoo-sim';

export async function simWithAdmin(options: SimOptions = {}, transport: OdooTransportOptions = {}): Promise<{ sim: OdooSim; admin: OdooConnection }> {
  const sim = await startOdooSim({ hashDelayMs: 0, ...options });
  return { sim, admin: connect(sim, 'admin', transport) };
}

export function connect(sim: OdooSim, login: string, transport: OdooTransportOptions = {}, password = login): OdooConnection {
  return new OdooConnection({ url: sim.url, database: sim.database, login, password }, { timeoutMs: 5_000, ...transport });
}

/** The fresh (non-admin-API) sessions still alive on the simulator. */
export function liveImpersonations(sim: OdooSim) {
  return sim.state.liveSessions().filter((s) => s.impersonateFromUid !== null || s.uid !== 2);
}

/** Simulators of one test file, all closed after each test: `setup` starts one with an admin connection. */
export function simsClosedAfterEach() {
  let sims: OdooSim[] = [];
  afterEach(async () => {
    await Promise.all(sims.map((s) => s.close()));
    sims = [];
  });
  return {
    setup: async (...args: Parameters<typeof simWithAdmin>) => {
      const ready = await simWithAdmin(...args);
      sims.push(ready.sim);
      return ready;
    },
    track: (sim: OdooSim) => void sims.push(sim),
    /** For a test that closes its simulator itself. */
    forget: (sim: OdooSim) => void (sims = sims.filter((s) => s !== sim)),
  };
}
