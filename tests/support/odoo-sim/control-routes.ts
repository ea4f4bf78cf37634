// Test-only control routes, for tests that drive the simulator from another
// process (e2e through the harness). Never part of Odoo:
//   GET  /__sim/state                      {liveSessions, openImpersonateLogs, impersonateLogs, irLogging, deviceLogs, requests}
//   POST /__sim/password  {login, password}  changes a password (expires that user's sessions)
//   POST /__sim/fault     FaultSpec          injects a fault (see faults.ts)
//   POST /__sim/clear-faults
//   POST /__sim/clear-requests
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimState } from './control';
import type { FaultSpec } from './faults';

export function controlRoutes(state: SimState) {
  return async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const send = (status: number, value: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    };
    const path = new URL(req.url ?? '/', 'http://sim.invalid').pathname;
    try {
      if (req.method === 'GET' && path === '/__sim/state') {
        return send(200, {
          liveSessions: state.liveSessions(),
          openImpersonateLogs: state.openImpersonateLogs(),
          impersonateLogs: state.impersonateLogs(),
          irLogging: state.irLogging(),
          deviceLogs: state.deviceLogs(),
          requests: state.requests(),
        });
      }
      if (req.method !== 'POST') return send(404, { error: 'unknown control route' });
      const input = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
      if (path === '/__sim/password') state.setPassword(String(input.login), String(input.password));
      else if (path === '/__sim/fault') state.injectFault(input as unknown as FaultSpec);
      else if (path === '/__sim/clear-faults') state.clearFaults();
      else if (path === '/__sim/clear-requests') state.clearRequests();
      else return send(404, { error: 'unknown control route' });
      return send(200, { ok: true });
    } catch (error) {
      send(400, { error: String(error) });
    }
  };
}
