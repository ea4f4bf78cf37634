// Errors the simulated server raises, rendered as Odoo does: HTTP 200, a JSON-RPC
// `error` whose `data.name` is the Python class (docs/odoo.md, Transport). The `debug`
// traceback is there on purpose, so that tests can show the console drops it.

export class SimRpcError extends Error {
  constructor(
    readonly pythonName: string,
    message: string,
  ) {
    super(message);
  }
}

export const accessDenied = () => new SimRpcError('odoo.exceptions.AccessDenied', 'Access Denied');
export const accessError = (message: string) => new SimRpcError('odoo.exceptions.AccessError', message);
export const userError = (message: string) => new SimRpcError('odoo.exceptions.UserError', message);
export const valueError = (message: string) => new SimRpcError('builtins.ValueError', message);
export const sessionExpired = () => new SimRpcError('odoo.http.SessionExpiredException', 'Session expired');
export const missingError = (message: string) => new SimRpcError('odoo.exceptions.MissingError', message);

export const FAKE_TRACEBACK =
  'Traceback (most recent call last):\n  File "/opt/odoo/odoo/http.py", line 2375, in __call__\n    response = request._serve_db()\n';

export function errorEnvelope(id: unknown, error: SimRpcError): Record<string, unknown> {
  const expired = error.pythonName === 'odoo.http.SessionExpiredException';
  return {
    jsonrpc: '2.0',
    id,
    error: {
      code: expired ? 100 : 200,
      message: expired ? 'Odoo Session Expired' : 'Odoo Server Error',
      data: { name: error.pythonName, message: error.message, arguments: [error.message], context: {}, debug: FAKE_TRACEBACK },
    },
  };
}

/** A method that returns nothing: Odoo leaves `result` out of the envelope. */
export const NO_RESULT = Symbol('no result');
export type RpcResult = unknown | typeof NO_RESULT;

export function resultEnvelope(id: unknown, result: RpcResult): Record<string, unknown> {
  return result === NO_RESULT ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result };
}
