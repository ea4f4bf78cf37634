// Every request the real web client made through the harness's view proxy, reduced to
// its shape (method, path with ids and hashes masked, query keys, what kind of call,
// the model and method of an RPC), with one sample of each (path without query
// values, the JSON body) so a policy can be replayed on it. The checked-in lists
// (tests/fixtures/webclient-requests-<version>.json) are what later policies — a
// read-only allowlist, a deny-by-default policy — must keep allowing.
import { readFileSync } from 'node:fs';
import type { ProxiedRequest } from '../../support/harness/view-proxy';

export interface RequestShape {
  method: string;
  /** The path with numeric ids as <id> and hashes as <hash>. */
  path: string;
  query: string[];
  kind: 'page' | 'asset' | 'call_kw' | 'call_button' | 'json' | 'websocket' | 'other';
  model: string | null;
  rpcMethod: string | null;
  /** A JSON route's param keys (call_kw: model, method, args, kwargs). */
  paramKeys: string[] | null;
  dest: string | null;
  mode: string | null;
  contentType: string | null;
  sample: { path: string; body: string | null };
}

export interface WebClientRequests {
  version: string;
  generatedBy: string;
  steps: string[];
  requests: RequestShape[];
}

const HASH = /^[0-9a-f]{7,}$|^[A-Za-z0-9_-]{32,}$/;

function maskPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? '<id>' : HASH.test(segment) && /\d/.test(segment) ? '<hash>' : segment))
    .join('/');
}

function parseBody(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function shapeOf(request: ProxiedRequest): RequestShape {
  const url = new URL(request.path, 'http://odoo.invalid');
  const body = parseBody(request.jsonBody);
  const params = body?.params !== null && typeof body?.params === 'object' ? (body.params as Record<string, unknown>) : null;
  const rpc = /^\/web\/dataset\/(call_kw|call_button)(\/|$)/.exec(url.pathname);
  const kind: RequestShape['kind'] = request.websocket
    ? 'websocket'
    : rpc
      ? (rpc[1] as 'call_kw' | 'call_button')
      : request.method !== 'GET'
        ? params !== null ? 'json' : 'other'
        : request.mode === 'navigate'
          ? 'page'
          : 'asset';
  const model = rpc && typeof params?.model === 'string' ? params.model : null;
  const rpcMethod = rpc && typeof params?.method === 'string' ? params.method : null;
  return {
    method: request.method,
    path: maskPath(url.pathname),
    query: [...new Set(url.searchParams.keys())].sort(),
    kind,
    model,
    rpcMethod,
    paramKeys: params !== null && kind === 'json' ? Object.keys(params).sort() : null,
    dest: request.dest,
    mode: request.mode,
    contentType: request.contentType?.split(';')[0]?.trim().toLowerCase() ?? null,
    sample: {
      path: `${url.pathname}${url.search ? `?${[...url.searchParams.keys()].map((key) => `${key}=`).join('&')}` : ''}`,
      body: request.jsonBody,
    },
  };
}

/** What makes two requests the same shape (the sample is only an example). */
export function shapeKey(shape: RequestShape): string {
  const { sample: _sample, ...rest } = shape;
  return JSON.stringify(rest);
}

/** Distinct shapes, first sample kept, in a stable order. */
export function distinctShapes(shapes: RequestShape[]): RequestShape[] {
  const byKey = new Map<string, RequestShape>();
  for (const shape of shapes) if (!byKey.has(shapeKey(shape))) byKey.set(shapeKey(shape), shape);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, shape]) => shape);
}

export function readProxiedRequests(file: string): ProxiedRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ProxiedRequest);
}

/** Shapes a browse must find in the fixture: anything but a plain GET of a page or asset. */
export function mustBeListed(shape: RequestShape): boolean {
  return shape.method !== 'GET' || shape.kind === 'websocket';
}
