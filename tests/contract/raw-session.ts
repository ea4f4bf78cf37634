// Raw JSON-RPC calls for the contract points that are about the server itself
// (its envelope, cookie, headers), with their own cookie, outside the connector.

export interface RawAnswer {
  status: number;
  contentType: string;
  setCookie: string[];
  headers: Headers;
  text: string;
  /** The parsed envelope, or null when the body is not JSON. */
  envelope: { id?: unknown; result?: unknown; error?: { code: number; message: string; data: { name: string; message: string; debug?: string } } } | null;
}

export class RawSession {
  cookie: string | null = null;
  #id = 1;

  constructor(readonly url: string) {}

  async post(path: string, params: unknown, init: { contentType?: string; body?: string } = {}): Promise<RawAnswer> {
    const body = init.body ?? JSON.stringify({ jsonrpc: '2.0', method: 'call', id: this.#id++, params });
    return this.#send(path, { method: 'POST', body, headers: { 'Content-Type': init.contentType ?? 'application/json' } });
  }

  get(path: string): Promise<RawAnswer> {
    return this.#send(path, { method: 'GET' });
  }

  callKw(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<RawAnswer> {
    return this.post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
  }

  authenticate(database: string, login: string, password: string): Promise<RawAnswer> {
    return this.post('/web/session/authenticate', { db: database, login, password });
  }

  sessionInfo(): Promise<RawAnswer> {
    return this.post('/web/session/get_session_info', {});
  }

  /** Best effort: back to the admin if impersonating, then destroy (leaves a real server clean). */
  async end(): Promise<void> {
    await this.callKw('res.users', 'back_to_origin_login', []).catch(() => undefined);
    await this.post('/web/session/destroy', {}).catch(() => undefined);
  }

  async #send(path: string, init: RequestInit): Promise<RawAnswer> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', `session_id=${this.cookie}`);
    const response = await fetch(`${this.url}${path}`, { ...init, headers, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie();
    for (const header of setCookie) {
      const match = /^session_id=([^;]*)/.exec(header);
      if (match) this.cookie = match[1] || null;
    }
    const text = await response.text();
    let envelope: RawAnswer['envelope'] = null;
    try {
      envelope = JSON.parse(text) as RawAnswer['envelope'];
    } catch {
      envelope = null;
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', setCookie, headers: response.headers, text, envelope };
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
