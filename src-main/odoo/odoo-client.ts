// JSON-RPC over fetch to one Odoo server, with one cookie jar per instance
// (docs/architecture.md, Sessions against Odoo). Every answer is checked to be an
// Odoo JSON-RPC envelope (IN-4): HTML from a proxy, truncated JSON, a huge body,
// a hang or a reset each become a typed OdooError, and Odoo's `debug` traceback
// is dropped with the rest of the error object.
import { inspect } from 'node:util';
import { CookieJar } from './cookie-jar';
import { errorFromRpc, OdooError, type RpcErrorData } from './odoo-error';
import type { IdentifierScheme } from './session-identifier';

export interface OdooClientOptions {
  /** From parseServerUrl: origin plus Odoo's path, no trailing slash. */
  baseUrl: string;
  /** Per request, headers and body together. */
  timeoutMs?: number;
  /** Larger answers are refused (a proxy error page, a misdirected download). */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface PageOptions {
  userAgent: string;
  /** A form to POST (urlencoded); without one, a GET. */
  form?: Record<string, string>;
  /** Cookies for this request only, beside the session's. */
  extraCookies?: Record<string, string>;
}

/** An HTML answer of the web login, read as it came. */
export interface PageAnswer {
  status: number;
  location: string | null;
  text: string;
  /** Its Set-Cookie headers (the session's are already absorbed); read at once, never kept. */
  setCookie: string[];
}

/** An RPC answer: `result` is `undefined` when Odoo left the key out (the method returned nothing). */
export interface RpcAnswer {
  result: unknown;
  hasResult: boolean;
  /** The answer's Date header: the server's clock, to the second, when present. */
  serverDate: Date | null;
}

export class OdooClient {
  readonly baseUrl: string;
  readonly #jar = new CookieJar();
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #fetch: typeof fetch;
  #nextId = 1;

  constructor(options: OdooClientOptions) {
    this.baseUrl = options.baseUrl;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#fetch = options.fetch ?? fetch;
  }

  /** POSTs a JSON-RPC call to `path` (e.g. '/web/session/authenticate'). */
  async call(path: string, params: Record<string, unknown>): Promise<RpcAnswer> {
    const id = this.#nextId++;
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id, params });
    const { response, text } = await this.#send(path, 'POST', { 'Content-Type': 'application/json', Accept: 'application/json' }, body);
    return parseAnswer(response, text, id);
  }

  /**
   * A page of Odoo's web login (two-factor sign-in, second-factor.ts): a GET, or a form
   * POST, with this client's session cookie plus `extraCookies` (the trusted device,
   * for this one request only) and a User-Agent. Redirects are answered, not followed.
   */
  async page(path: string, options: PageOptions): Promise<PageAnswer> {
    const headers: Record<string, string> = { Accept: 'text/html', 'User-Agent': options.userAgent };
    const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const { response, text } = await this.#send(path, body === undefined ? 'GET' : 'POST', headers, body, options.extraCookies);
    return { status: response.status, location: response.headers.get('location'), text, setCookie: response.headers.getSetCookie() };
  }

  async #send(
    path: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body: string | undefined,
    extraCookies: Record<string, string> = {},
  ): Promise<{ response: Response; text: string }> {
    const cookies = [this.#jar.cookieHeader(), ...Object.entries(extraCookies).map(([name, value]) => `${name}=${value}`)].filter(
      (cookie): cookie is string => cookie !== null,
    );
    if (cookies.length > 0) headers.Cookie = cookies.join('; ');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      let response: Response;
      try {
        // Manual redirects: a 3xx to a JSON call is a login wall or a proxy, not Odoo.
        response = await this.#fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        throw transportError(error, controller.signal);
      }
      this.#jar.absorb(response.headers.getSetCookie());
      return { response, text: await this.#readBody(response, controller.signal) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** `call_kw` on a model; the URL suffix is cosmetic but helps reading server logs. */
  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<RpcAnswer> {
    return this.call(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
  }

  hasSession(): boolean {
    return this.#jar.sessionId() !== null;
  }

  /** The session's correlation identifier, safe to store (SS-10; session-identifier.ts). */
  sessionIdentifier(scheme: IdentifierScheme): string | null {
    return this.#jar.sessionIdentifier(scheme);
  }

  /** The full session cookie value: only for the impersonation view's own partition. */
  sessionCookie(): string | null {
    return this.#jar.sessionId();
  }

  forgetSession(): void {
    this.#jar.clear();
  }

  toJSON(): { baseUrl: string; hasSession: boolean } {
    return { baseUrl: this.baseUrl, hasSession: this.hasSession() };
  }

  [inspect.custom](): string {
    return `OdooClient(${this.baseUrl}, ${this.hasSession() ? 'with session' : 'no session'})`;
  }

  async #readBody(response: Response, signal: AbortSignal): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > this.#maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new OdooError('response-too-large', { limit: this.#maxBytes });
    }
    if (response.body === null) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.#maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new OdooError('response-too-large', { limit: this.#maxBytes });
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof OdooError) throw error;
      throw transportError(error, signal);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

function transportError(error: unknown, signal: AbortSignal): OdooError {
  if (signal.aborted) return new OdooError('timeout', undefined, { cause: error });
  return new OdooError('network', undefined, { cause: error });
}

function notOdoo(problem: string, status: number): OdooError {
  return new OdooError('not-odoo', { problem, status });
}

function parseAnswer(response: Response, text: string, id: number): RpcAnswer {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw notOdoo(response.status >= 300 && response.status < 400 ? 'redirect' : 'not-json', response.status);
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw notOdoo('invalid-json', response.status);
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw notOdoo('not-an-envelope', response.status);
  }
  const fields = envelope as Record<string, unknown>;
  // Odoo echoes the id, except in an error raised before it read the body (an expired
  // session, a NotFound): there `id` is null (docs/odoo.md, Transport).
  const idMatches = fields.id === id || (fields.id === null && 'error' in fields);
  if (fields.jsonrpc !== '2.0' || !idMatches) throw notOdoo('not-an-envelope', response.status);
  if ('error' in fields) {
    const error = fields.error as { data?: RpcErrorData } | null;
    if (typeof error !== 'object' || error === null || typeof error.data !== 'object' || error.data === null) {
      throw notOdoo('bad-error', response.status);
    }
    // Only `name` and `message` are read: `debug` (a server traceback) is dropped here.
    throw errorFromRpc(error.data);
  }
  const dateHeader = response.headers.get('date');
  const serverDate = dateHeader === null ? null : new Date(dateHeader);
  return {
    result: fields.result,
    hasResult: 'result' in fields,
    serverDate: serverDate !== null && Number.isFinite(serverDate.getTime()) ? serverDate : null,
  };
}
