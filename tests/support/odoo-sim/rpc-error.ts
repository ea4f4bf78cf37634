// Errors the simulated server raises, rendered as Odoo does: HTTP 200, a JSON-RPC
// `error` whose `data.name` is the Python class (docs/odoo.md, Transport), `code`
// 200 for a server exception (0 from Odoo 19), 100 for an expired session, 404
// for NotFound. The `debug` traceback is there on purpose, so that tests can show
// the console drops it.

export class SimRpcError extends Error {
  /** Raised before the body was read (the session check): the answer's `id` is null. */
  beforeBody = false;

  constructor(
    readonly pythonName: string,
    message: string,
    /** `data.arguments`; Odoo gives the exception's args, usually just the message. */
    readonly args: unknown[] = [message],
  ) {
    super(message);
  }
}

export const accessDenied = () => new SimRpcError('odoo.exceptions.AccessDenied', 'Access Denied');
export const accessError = (message: string) => new SimRpcError('odoo.exceptions.AccessError', message);
export const userError = (message: string) => new SimRpcError('odoo.exceptions.UserError', message);
export const valueError = (message: string) => new SimRpcError('builtins.ValueError', message);
export const typeError = (message: string) => new SimRpcError('builtins.TypeError', message);
export const keyError = (key: string) => new SimRpcError('builtins.KeyError', key);
export const missingError = (message: string) => new SimRpcError('odoo.exceptions.MissingError', message);
export const notFound = () => new SimRpcError('werkzeug.exceptions.NotFound', '404 Not Found: The requested URL was not found on the server.', []);
export const sessionExpired = () => {
  const error = new SimRpcError('odoo.http.SessionExpiredException', 'Session expired');
  error.beforeBody = true;
  return error;
};

export const FAKE_TRACEBACK =
  'Traceback (most recent call last):\n  File "/opt/odoo/odoo/http.py", line 2375, in __call__\n    response = request._serve_db()\n';

/** `serverErrorCode`: the code of an ordinary server exception on this version (200, or 0 from 19). */
export function errorEnvelope(id: unknown, error: SimRpcError, serverErrorCode = 200): Record<string, unknown> {
  let code = serverErrorCode;
  let message = 'Odoo Server Error';
  if (error.pythonName === 'odoo.http.SessionExpiredException') {
    code = 100;
    message = 'Odoo Session Expired';
  } else if (error.pythonName === 'werkzeug.exceptions.NotFound') {
    code = 404;
    message = '404: Not Found';
  }
  return {
    jsonrpc: '2.0',
    id: error.beforeBody ? null : id,
    error: { code, message, data: { name: error.pythonName, debug: FAKE_TRACEBACK, message: error.message, arguments: error.args, context: {} } },
  };
}

/** A method that returns nothing: Odoo leaves `result` out of the envelope. */
export const NO_RESULT = Symbol('no result');
export type RpcResult = unknown | typeof NO_RESULT;

export function resultEnvelope(id: unknown, result: RpcResult): Record<string, unknown> {
  // Odoo leaves `result` out for None (docs/odoo.md, Transport).
  return result === NO_RESULT || result === null || result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result };
}
