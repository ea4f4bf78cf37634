// The real Odoo web client's own requests while browsing, as recorded against real
// servers (tests/fixtures/webclient-requests-<version>.json: one deduplicated
// request shape each, ids and hashes masked, keys but never values), turned back
// into ViewRequests the view policy can be asked about. The real-server e2e
// writes files of the same shape from its own runs; this reader takes either.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViewRequest } from '../../src-main/core/view-policy';

export const WEBCLIENT_VERSIONS = [17, 18, 19] as const;

/** One request shape of the fixture (the fields this reader uses; others are kept in the file). */
export interface WebClientRequestShape {
  method: string;
  path: string;
  query?: string[];
  contentType?: string;
  kind?: 'call_kw' | 'call_button' | 'action_load' | 'json_route' | 'multipart';
  model?: string;
  rpcMethod?: string;
  paramKeys?: string[];
  kwargKeys?: string[];
}

interface WebClientFixture {
  version: number | string;
  requests: WebClientRequestShape[];
  websockets?: Record<string, { requestHeaders?: string[] }[]>;
}

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function webClientFixture(version: number): WebClientFixture {
  return JSON.parse(readFileSync(path.join(fixtures, `webclient-requests-${version}.json`), 'utf8')) as WebClientFixture;
}

/** Masked parts back to plausible values: `<id>` a record id, `<hash>` an asset hash. */
function unmask(shapePath: string): string {
  return shapePath.replaceAll('<id>', '7').replaceAll('<hash>', '3f0a9c1e2b7d');
}

function jsonBody(params: Record<string, unknown>): ViewRequest['body'] {
  const envelope = { id: 4, jsonrpc: '2.0', method: 'call', params };
  return { kind: 'bytes', bytes: new TextEncoder().encode(JSON.stringify(envelope)) };
}

function paramsOf(shape: WebClientRequestShape): Record<string, unknown> {
  if (shape.kind === 'call_kw' || shape.kind === 'call_button') {
    const kwargs = Object.fromEntries((shape.kwargKeys ?? ['context']).map((key) => [key, key === 'context' ? { lang: 'en_US' } : null]));
    return { model: shape.model, method: shape.rpcMethod, args: [[7]], kwargs };
  }
  return Object.fromEntries((shape.paramKeys ?? []).map((key) => [key, key === 'action_id' ? 7 : null]));
}

/** The shape as the request the web client sent, on `origin`. */
export function toViewRequest(origin: string, shape: WebClientRequestShape): ViewRequest {
  const query = shape.query?.length ? `?${shape.query.map((key) => `${key}=1`).join('&')}` : '';
  const url = `${origin}${unmask(shape.path)}${query}`;
  if (shape.method === 'GET' || shape.method === 'HEAD') return { url, method: shape.method, body: { kind: 'none' } };
  // A multipart upload's parts may arrive as a file or blob the guard cannot read.
  if (shape.kind === 'multipart') return { url, method: shape.method, body: { kind: 'unreadable', why: 'file' } };
  return { url, method: shape.method, body: jsonBody(paramsOf(shape)) };
}

/** Every request of the fixture, the websocket handshakes included. */
export function webClientRequests(version: number, origin: string): { shape: string; request: ViewRequest }[] {
  const fixture = webClientFixture(version);
  const requests = fixture.requests.map((shape) => ({
    shape: `${shape.method} ${shape.path}${shape.rpcMethod ? ` ${shape.model}.${shape.rpcMethod}` : ''}`,
    request: toViewRequest(origin, shape),
  }));
  const handshakes = Object.values(fixture.websockets ?? {})
    .flat()
    .map((socket) => /^GET (\S+) HTTP/.exec(socket.requestHeaders?.[0] ?? '')?.[1])
    .filter((target): target is string => target !== undefined);
  for (const target of new Set(handshakes)) {
    requests.push({ shape: `GET ${target} (websocket)`, request: { url: `${origin}${target}`, method: 'GET', body: { kind: 'none' } } });
  }
  return requests;
}
