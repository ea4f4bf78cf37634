// Shared setup for the connector's integration tests against the simulator.
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
