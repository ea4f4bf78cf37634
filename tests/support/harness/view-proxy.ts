// The harness's stand-in for the impersonation view's network side: the session
// part of a small reverse proxy (view-proxy-server.ts owns its 127.0.0.1 port) that
// serves the real Odoo page into the harness's orange frame. As the desktop view
// does, it holds the session cookie itself (the browser never gets it), and it asks
// the desktop view's own rules about every request (view-proxy-decision.ts),
// answering 403 where the desktop view cancels. It strips only the framing headers,
// points redirects back at itself, and forwards the bus's WebSocket
// (view-proxy-headers.ts). Only the harness's own UI can use it
// (view-proxy-access.ts). A development and test tool: never packaged.
// Test-only, off by default: with a bypass token (view-proxy-bypass.ts) a request
// that carries it goes through undecided, so a test can play a hole in the policy.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { ViewRefusal } from '../../../src-preload/contract';
import { ALLOW, OriginPolicy, originForLog, quietAnswerUrl, READ_ONLY, viewActivity, type RefusalKind, type ViewAccess, type ViewActivity, type ViewDecision } from '../../../src-main/core';
import { ViewProxyAccess } from './view-proxy-access';
import { carriesBypass, withoutBypassHeader } from './view-proxy-bypass';
import { decideIncoming, decideRedirect, isNavigation, upstreamUrl } from './view-proxy-decision';
import { downstreamResponseHeaders, rawHandshakeAnswer, upstreamRequestHeaders } from './view-proxy-headers';

/** One request the policy decided on, as the request log keeps it (no cookie, no secret). */
export interface ProxiedRequest {
  method: string;
  /** Path and query exactly as the browser sent them. */
  path: string;
  dest: string | null;
  mode: string | null;
  contentType: string | null;
  /** The body of a JSON request, as text; other bodies are not kept. */
  jsonBody: string | null;
  websocket: boolean;
  refusal: RefusalKind | null;
  /** The server's status; null when refused before it was asked. */
  status: number | null;
  /** Test-only: forwarded undecided through the policy bypass (never true without one). */
  bypassed?: boolean;
}

export interface ViewProxyOptions {
  /** The connection's origin: the server the proxy forwards to. */
  origin: string;
  sessionCookie: string;
  /** Where the view opens (ImpersonationViewSpec.url), on the connection's origin. */
  landingUrl: string;
  onRefused?(refusal: ViewRefusal): void;
  onRequest?(request: ProxiedRequest): void;
  /** What the page may do now (issue 17), asked on every request; read-only when absent. */
  access?(): ViewAccess;
  /** Every request of the connection's host as decided: the session's timeline and the banner. */
  onActivity?(activity: ViewActivity): void;
  /** A navigation of the view's document went through: the tripwire asks the server at once (AZ-6). */
  onNavigated?(): void;
  maxBodyBytes?: number;
  /**
   * TEST-ONLY (view-proxy-bypass.ts): a request carrying this token is forwarded without
   * asking the policy, as a hole in it would let it through. Unset: every request is decided.
   */
  policyBypassToken?: string | null;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const JSON_BODY_KEPT = 16 * 1024;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

export function plain(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra });
  response.end(`${text}\n`);
}

export class ViewProxy {
  private readonly upstream: URL;
  private readonly policy: OriginPolicy;
  private readonly landingPath: string;
  private readonly access: ViewProxyAccess;

  /** `port`: the proxy server's; `track`: every upgraded socket, so closing the view drops them. */
  constructor(
    port: number,
    private readonly options: ViewProxyOptions,
    private readonly track: (socket: Duplex) => void = () => {},
  ) {
    this.policy = new OriginPolicy(options.origin);
    if (!this.policy.allows(options.landingUrl)) throw new Error('The view URL is outside the connection origin.');
    this.upstream = new URL(this.policy.origin);
    const landing = new URL(options.landingUrl);
    this.landingPath = `${landing.pathname}${landing.search}${landing.hash}`;
    this.access = new ViewProxyAccess(port);
  }

  /** A new single-use URL that lets the harness's own UI in (ticket → cookie → the view's page). */
  entryUrl(): string {
    return this.access.entryUrl();
  }

  serve(request: IncomingMessage, response: ServerResponse): void {
    this.handle(request, response).catch(() => {
      if (!response.headersSent) plain(response, 502, 'The Odoo server could not be reached.');
      else response.destroy();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const rawPath = request.url ?? '/';
    const verdict = this.access.check(method, rawPath, request.headers);
    if (verdict.kind === 'refused') return plain(response, 403, `Forbidden (${verdict.why}).`);
    if (verdict.kind === 'enter') {
      response.writeHead(303, { Location: this.landingPath, 'Set-Cookie': verdict.setCookie, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
      response.end();
      return;
    }
    if (!rawPath.startsWith('/')) return plain(response, 400, 'Only origin-form request targets.');

    let body: Buffer;
    try {
      body = await readBody(request, this.options.maxBodyBytes ?? MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) return plain(response, 413, 'Request body too large for the harness view.');
      throw error;
    }
    const url = upstreamUrl(this.policy, rawPath);
    // Test-only (--test-only-policy-bypass): a request carrying the view's token is not decided at all.
    const bypassed = carriesBypass(request.headers, this.options.policyBypassToken);
    const policyVerdict = bypassed ? null : decideIncoming({ url, method, headers: request.headers, body }, this.policy, this.viewAccess());
    if (policyVerdict) this.reportActivity(policyVerdict, request);
    const decision = policyVerdict ? policyVerdict.decision : ALLOW;
    if (policyVerdict && !decision.allowed && policyVerdict.quietly) {
      // A read-marker while read-only: Odoo's session check answers it, as the desktop view's redirect does.
      this.record(request, body, decision.refusal, null, false);
      return this.forward(request, response, body, quietAnswerUrl(url), false, new URL(quietAnswerUrl(url)).pathname);
    }
    if (!decision.allowed) {
      this.refused(request, body, decision, url);
      return plain(response, 403, `Refused by the console's view policy (${decision.refusal}).`, { 'X-Harness-View-Refusal': decision.refusal });
    }
    await this.forward(request, response, body, url, bypassed);
    if (isNavigation(request.headers)) this.options.onNavigated?.();
  }

  private viewAccess(): ViewAccess {
    return this.options.access?.() ?? READ_ONLY;
  }

  private reportActivity(verdict: Parameters<typeof viewActivity>[0], request: IncomingMessage): void {
    const activity = viewActivity(verdict, header(request, 'referer'));
    if (activity) this.options.onActivity?.(activity);
  }

  /** `path`: another path of the same server to ask instead (the quiet answer of a read-marker). */
  private forward(request: IncomingMessage, response: ServerResponse, body: Buffer, url: string, bypassed: boolean, path?: string): Promise<void> {
    const headers = withoutBypassHeader(upstreamRequestHeaders(request.headers, this.headerOptions()));
    headers['content-length'] = String(body.length);
    if (body.length === 0 && !['POST', 'PUT', 'PATCH'].includes(request.method ?? '')) delete headers['content-length'];
    return new Promise((resolve, reject) => {
      const upstream = this.send(request, headers, path);
      upstream.on('error', reject);
      // The browser went away, or the view closed: nothing more goes to the server.
      response.on('close', () => upstream.destroy());
      upstream.on('response', (answer) => {
        const out = downstreamResponseHeaders(answer.headers);
        const location = answer.headers.location;
        if (location !== undefined) {
          const { decision, target } = decideRedirect(location, url, this.policy);
          if (!decision.allowed || target === null) {
            answer.resume();
            this.refused(request, body, decision.allowed ? { allowed: false, refusal: 'redirect' } : decision, target?.href ?? location);
            plain(response, 403, 'Refused by the console\'s view policy (redirect).', { 'X-Harness-View-Refusal': 'redirect' });
            resolve();
            return;
          }
          // Absolute, on the origin the browser used: `//x` must stay a path.
          out.location = `${this.access.originOf(request.headers)}${target.pathname}${target.search}${target.hash}`;
        }
        if (path === undefined) this.record(request, body, null, answer.statusCode ?? null, false, bypassed);
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
        answer.pipe(response);
        answer.on('end', () => resolve());
        answer.on('error', reject);
      });
      if (body.length > 0) upstream.end(body);
      else upstream.end();
    });
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.track(socket);
    socket.on('error', () => socket.destroy());
    const forbidden = (): void => {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    };
    const rawPath = request.url ?? '/';
    const verdict = this.access.check('GET', rawPath, request.headers);
    // A socket opened by a page of another origin is not the Odoo page's own bus.
    const origin = header(request, 'origin');
    if (verdict.kind !== 'allowed' || origin === null || !this.access.origins.includes(origin) || !rawPath.startsWith('/')) return forbidden();
    const url = upstreamUrl(this.policy, rawPath);
    const policyVerdict = decideIncoming({ url, method: 'GET', headers: request.headers, body: Buffer.alloc(0) }, this.policy, this.viewAccess());
    this.reportActivity(policyVerdict, request);
    const { decision } = policyVerdict;
    if (!decision.allowed) {
      this.refused(request, Buffer.alloc(0), decision, url);
      return forbidden();
    }
    const upstream = this.send(request, upstreamRequestHeaders(request.headers, { ...this.headerOptions(), upgrade: true }));
    upstream.on('error', () => socket.destroy());
    upstream.on('response', (answer) => {
      // The server would not switch protocols: pass its status on, then close.
      this.record(request, Buffer.alloc(0), null, answer.statusCode ?? null, true);
      answer.resume();
      socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    });
    upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
      this.record(request, Buffer.alloc(0), null, answer.statusCode ?? null, true);
      this.track(upstreamSocket);
      upstreamSocket.on('close', () => socket.destroy());
      upstreamSocket.on('error', () => upstreamSocket.destroy());
      socket.on('close', () => upstreamSocket.destroy());
      socket.write(rawHandshakeAnswer(answer.statusCode ?? 101, answer.statusMessage ?? 'Switching Protocols', answer.rawHeaders));
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) upstreamSocket.write(head);
      upstreamSocket.pipe(socket);
      socket.pipe(upstreamSocket);
    });
    upstream.end();
  }

  private send(request: IncomingMessage, headers: ReturnType<typeof upstreamRequestHeaders>, path?: string) {
    const send = this.upstream.protocol === 'https:' ? httpsRequest : httpRequest;
    return send({
      hostname: this.upstream.hostname,
      port: this.upstream.port || (this.upstream.protocol === 'https:' ? 443 : 80),
      method: request.method,
      path: path ?? request.url,
      headers,
    });
  }

  private headerOptions() {
    return {
      upstream: this.upstream,
      proxyOrigins: this.access.origins,
      proxyCookie: this.access.cookieName,
      sessionCookie: this.options.sessionCookie,
    };
  }

  /** A refusal: logged, and told to the banner when the page itself would have changed. */
  private refused(request: IncomingMessage, body: Buffer, decision: ViewDecision, target: string): void {
    const refusal = decision.allowed ? null : decision.refusal;
    this.record(request, body, refusal, null, request.headers.upgrade !== undefined);
    if (!refusal || !isNavigation(request.headers)) return;
    const kind = refusal === 'session-switch' || refusal === 'redirect' ? refusal : 'navigate';
    // The frame now shows the refusal page: it did not go back.
    this.options.onRefused?.({ kind, target: originForLog(target), returned: false });
  }

  private record(request: IncomingMessage, body: Buffer, refusal: RefusalKind | null, status: number | null, websocket: boolean, bypassed = false): void {
    if (!this.options.onRequest) return;
    const contentType = header(request, 'content-type');
    const json = contentType !== null && /^application\/json/i.test(contentType) && body.length <= JSON_BODY_KEPT;
    this.options.onRequest({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      dest: header(request, 'sec-fetch-dest'),
      mode: header(request, 'sec-fetch-mode'),
      contentType,
      jsonBody: json ? body.toString('utf8') : null,
      websocket,
      refusal,
      status,
      ...(bypassed ? { bypassed } : {}),
    });
  }
}
