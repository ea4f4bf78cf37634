// Every request the real web client made through the harness's view proxy, reduced to
// its shape, in the fixture format of tests/fixtures/webclient-requests-<version>.json
// (the research runs' format, which tests/support/webclient-requests.ts and the view
// policy's tests read): method, path with ids and hashes masked, query keys, content
// type, the kind of call, its model and method, its parameter keys — keys, never
// values — plus what this recorder adds: the Fetch metadata and one sample (the path
// without query values, and the JSON body) a policy can be replayed on. The bus's
// handshakes are listed apart, under `websockets`, as request lines.
import { readFileSync } from 'node:fs';
import type { ProxiedRequest } from '../../support/harness/view-proxy';

export type CallKind = 'call_kw' | 'call_button' | 'action_load' | 'json_route' | 'multipart';

export interface RequestShape {
  method: string;
  /** The path with numeric ids as <id> and hashes as <hash>. */
  path: string;
  query?: string[];
  contentType?: string;
  kind?: CallKind;
  model?: string;
  rpcMethod?: string;
  paramKeys?: string[];
  kwargKeys?: string[];
  /** JSON routes: each distinct set of parameter keys seen (without context), comma-joined. */
  paramKeyVariants?: string[];
  effect?: 'page' | 'asset';
  fetch?: { dest: string | null; mode: string | null };
  sample?: { path: string; body: string | null };
}

export interface WebClientRequests {
  version: string | number;
  generatedBy?: string;
  browsing?: string[] | string;
  requests: RequestShape[];
  websockets?: Record<string, { requestHeaders?: string[] }[]>;
  [other: string]: unknown;
}

const HASH = /^[0-9a-f]{7,}$|^[A-Za-z0-9_-]{32,}$/;

function maskPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? '<id>' : HASH.test(segment) && /\d/.test(segment) ? '<hash>' : segment))
    .join('/');
}

function objectOf(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    return objectOf(JSON.parse(text));
  } catch {
    return null;
  }
}

function kindOf(request: ProxiedRequest, pathname: string): CallKind | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const rpc = /^\/web\/dataset\/(call_kw|call_button)(\/|$)/.exec(pathname);
  if (rpc) return rpc[1] as CallKind;
  if (/^multipart\//i.test(request.contentType ?? '')) return 'multipart';
  return pathname === '/web/action/load' ? 'action_load' : 'json_route';
}

/** One request's shape (websocket handshakes are not shapes: see handshakeLine). */
export function shapeOf(request: ProxiedRequest): RequestShape {
  const url = new URL(request.path, 'http://odoo.invalid');
  const kind = kindOf(request, url.pathname);
  const params = objectOf(parseJson(request.jsonBody)?.params);
  const shape: RequestShape = { method: request.method, path: maskPath(url.pathname) };
  const query = [...new Set(url.searchParams.keys())].sort();
  if (query.length > 0) shape.query = query;
  const contentType = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (contentType) shape.contentType = contentType;
  if (kind) shape.kind = kind;
  if (kind === 'call_kw' || kind === 'call_button') {
    if (typeof params?.model === 'string') shape.model = params.model;
    if (typeof params?.method === 'string') shape.rpcMethod = params.method;
  }
  if (params) shape.paramKeys = Object.keys(params).sort();
  const kwargs = objectOf(params?.kwargs);
  if ((kind === 'call_kw' || kind === 'call_button') && kwargs) shape.kwargKeys = Object.keys(kwargs).sort();
  if ((kind === 'json_route' || kind === 'action_load') && params) {
    shape.paramKeyVariants = [Object.keys(params).filter((key) => key !== 'context').sort().join(',')];
  }
  if (!kind) shape.effect = request.mode === 'navigate' ? 'page' : 'asset';
  shape.fetch = { dest: request.dest, mode: request.mode };
  const keysOnly = [...url.searchParams.keys()].map((key) => `${key}=`).join('&');
  shape.sample = { path: `${url.pathname}${keysOnly ? `?${keysOnly}` : ''}`, body: request.jsonBody };
  return shape;
}

/** A bus handshake as the fixture lists it: its request line. */
export function handshakeLine(request: ProxiedRequest): string {
  return `GET ${request.path} HTTP/1.1`;
}

/** Which request a shape is: two runs of the same call are one shape, whatever their arguments. */
export function shapeKey(shape: RequestShape): string {
  return JSON.stringify([shape.method, shape.path, shape.query ?? [], shape.kind ?? null, shape.model ?? null, shape.rpcMethod ?? null]);
}

const union = (a: string[] | undefined, b: string[] | undefined) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])].sort() : undefined);

/** Distinct shapes in a stable order; the same call's key sets are merged, the first sample kept. */
export function distinctShapes(shapes: RequestShape[]): RequestShape[] {
  const byKey = new Map<string, RequestShape>();
  for (const shape of shapes) {
    const key = shapeKey(shape);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { ...shape });
      continue;
    }
    for (const field of ['paramKeys', 'kwargKeys', 'paramKeyVariants'] as const) {
      const merged = union(known[field], shape[field]);
      if (merged) known[field] = merged;
    }
    known.fetch ??= shape.fetch;
    known.sample ??= shape.sample;
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, shape]) => shape);
}

export function readProxiedRequests(file: string): ProxiedRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ProxiedRequest);
}

/** The bus paths a fixture lists (request lines of its websockets, without the query). */
export function listedSocketPaths(fixture: WebClientRequests): Set<string> {
  const lines = Object.values(fixture.websockets ?? {}).flat().map((socket) => socket.requestHeaders?.[0] ?? '');
  return new Set(lines.map((line) => /^GET (\S+) HTTP/.exec(line)?.[1]?.split('?')[0]).filter((target): target is string => target !== undefined));
}
