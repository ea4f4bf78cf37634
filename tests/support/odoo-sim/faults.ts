// Faults a test injects per route, to play the proxies and networks between the
// console and Odoo (docs/security.md IN-4): an HTML 502, truncated JSON, a connection
// reset, a hang, a huge body, or an answer of Odoo's own shape chosen by the test
// (an error or a wrong result). `route` is a path ('/web/session/authenticate') or,
// for call_kw, 'model.method' ('res.users.impersonate_login').
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimRpcError, errorEnvelope, resultEnvelope } from './rpc-error';

export type FaultKind = 'html-502' | 'truncated-json' | 'reset' | 'hang' | 'huge-body' | 'rpc-error' | 'result';

export interface FaultSpec {
  route: string;
  kind: FaultKind;
  /** 'before' (default): the server does nothing. 'after': it acts, then the answer is lost or mangled. */
  phase?: 'before' | 'after';
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** Lets this many matching requests through first (e.g. 1: the second get_session_info). */
  skip?: number;
  /** For 'rpc-error'. */
  error?: { name: string; message: string };
  /** For 'result': what `result` holds. */
  result?: unknown;
  /** For 'huge-body' (default 32 MiB). */
  bytes?: number;
}

export class FaultPlan {
  #faults: (FaultSpec & { left: number; toSkip: number })[] = [];

  add(spec: FaultSpec): void {
    this.#faults.push({ ...spec, left: spec.times ?? 1, toSkip: spec.skip ?? 0 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** The next fault for this request, counted as used. */
  take(keys: string[]): FaultSpec | undefined {
    const fault = this.#faults.find((f) => f.left > 0 && keys.includes(f.route));
    if (fault === undefined) return undefined;
    if (fault.toSkip > 0) {
      fault.toSkip--;
      return undefined;
    }
    fault.left--;
    return fault;
  }
}

/**
 * Answers (or refuses to answer) with the fault. `realBody` and `setCookie` are what the
 * server would have sent (phase 'after'): a proxy mangling a body passes its cookies on.
 */
export function applyFault(
  fault: FaultSpec,
  req: IncomingMessage,
  res: ServerResponse,
  rpcId: unknown,
  realBody: string | null,
  setCookie: string[] = [],
): void {
  const json: Record<string, string | string[]> = { 'Content-Type': 'application/json; charset=utf-8', ...(setCookie.length > 0 ? { 'Set-Cookie': setCookie } : {}) };
  switch (fault.kind) {
    case 'html-502':
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
      return;
    case 'truncated-json': {
      const body = realBody ?? JSON.stringify(resultEnvelope(rpcId, { uid: 2, name: 'x' }));
      res.writeHead(200, json).end(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
      return;
    }
    case 'reset':
      req.socket.destroy();
      return;
    case 'hang':
      return; // closed by the server's close()
    case 'huge-body':
      streamHugeBody(res, fault.bytes ?? 32 * 1024 * 1024);
      return;
    case 'rpc-error': {
      const error = new SimRpcError(fault.error?.name ?? 'builtins.Exception', fault.error?.message ?? 'Injected');
      res.writeHead(200, json).end(JSON.stringify(errorEnvelope(rpcId, error)));
      return;
    }
    case 'result':
      res.writeHead(200, json).end(JSON.stringify(resultEnvelope(rpcId, fault.result)));
      return;
  }
}

function streamHugeBody(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const pump = (): void => {
    while (!closed && sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  res.write('{"jsonrpc":"2.0","id":1,"result":"');
  pump();
}
