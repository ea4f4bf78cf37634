// Raw JSON-RPC calls for the contract points that are about the server itself
// (its envelope, cookie, headers), with their own cookie, outside the connector.
// Every exchange may be recorded into a transcript: the protocol scenarios
// (protocol-scenarios.ts) read theirs, and the fidelity check compares the
// simulator's transcript with the real server's (tests/contract/fidelity/).

export interface RawAnswer {
  status: number;
  contentType: string;
  setCookie: string[];
  headers: Headers;
  text: string;
  /** The parsed envelope, or null when the body is not JSON. */
  envelope: { id?: unknown; result?: unknown; error?: { code: number; message: string; data: { name: string; message: string; debug?: string } } } | null;
}

/** One request and its answer, as a scenario made it. */
export interface Exchange {
  method: string;
  path: string;
  /** What the scenario called this step, for tests that look one up. */
  label: string;
  /** The body sent, as sent (the fidelity check reads the request's `id` from it). */
  requestBody: string | null;
  answer: RawAnswer;
}

export interface PostOptions {
  contentType?: string | null;
  body?: string;
  label?: string;
}

export class RawSession {
  cookie: string | null = null;
  /** The trusted-device cookie (`td_id`) the server set, sent back like a browser does (docs/odoo.md, Two-factor sign-in). */
  trustedDevice: string | null = null;
  /** Sent on every request when set; otherwise fetch's own ("node"), which names no browser. */
  userAgent: string | null = null;
  #id = 1;

  constructor(
    readonly url: string,
    private readonly transcript: Exchange[] | null = null,
  ) {}

  async post(path: string, params: unknown, init: PostOptions = {}): Promise<RawAnswer> {
    const body = init.body ?? JSON.stringify({ jsonrpc: '2.0', method: 'call', id: this.#id++, params });
    const headers: Record<string, string> = {};
    // null: no Content-Type header at all.
    if (init.contentType !== null) headers['Content-Type'] = init.contentType ?? 'application/json';
    return this.#send(path, { method: 'POST', body, headers }, init.label);
  }

  get(path: string, label?: string): Promise<RawAnswer> {
    return this.#send(path, { method: 'GET' }, label);
  }

  /** A form post, as a browser submits one (application/x-www-form-urlencoded). */
  postForm(path: string, fields: Record<string, string>, label?: string): Promise<RawAnswer> {
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    return this.#send(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers }, label);
  }

  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, label?: string): Promise<RawAnswer> {
    return this.post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs }, { label });
  }

  authenticate(database: string, login: string, password: string, label?: string): Promise<RawAnswer> {
    return this.post('/web/session/authenticate', { db: database, login, password }, { label });
  }

  sessionInfo(label?: string): Promise<RawAnswer> {
    return this.post('/web/session/get_session_info', {}, { label });
  }

  /** Best effort: back to the admin if impersonating, then destroy (leaves a real server clean). */
  async end(): Promise<void> {
    await this.callKw('res.users', 'back_to_origin_login', [], {}, 'end: back').catch(() => undefined);
    await this.post('/web/session/destroy', {}, { label: 'end: destroy' }).catch(() => undefined);
  }

  async #send(path: string, init: RequestInit, label = ''): Promise<RawAnswer> {
    const headers = new Headers(init.headers);
    const cookies = [...(this.cookie ? [`session_id=${this.cookie}`] : []), ...(this.trustedDevice ? [`td_id=${this.trustedDevice}`] : [])];
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    if (this.userAgent) headers.set('User-Agent', this.userAgent);
    const response = await fetch(`${this.url}${path}`, { ...init, headers, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie();
    for (const header of setCookie) {
      const session = /^session_id=([^;]*)/.exec(header);
      if (session) this.cookie = session[1] || null;
      const device = /^td_id=([^;]*)/.exec(header);
      if (device) this.trustedDevice = device[1] || null;
    }
    const text = await response.text();
    let envelope: RawAnswer['envelope'] = null;
    try {
      envelope = JSON.parse(text) as RawAnswer['envelope'];
    } catch {
      envelope = null;
    }
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', setCookie, headers: response.headers, text, envelope };
    this.transcript?.push({ method: init.method ?? 'GET', path, label, requestBody: typeof init.body === 'string' ? init.body : null, answer });
    return answer;
  }
}

/** A fetch that records which route or model.method each request was, to count round trips. */
export function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const counted: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { params?: { model?: string; method?: string } }) : null;
    const params = body?.params;
    calls.push(url.pathname.startsWith('/web/dataset/call_kw') && params ? `${params.model}.${params.method}` : url.pathname);
    return fetch(input, init);
  };
  return { fetch: counted, calls };
}
