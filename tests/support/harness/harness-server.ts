// The development harness: the same ConsoleApi implementation as the desktop
// app, served on 127.0.0.1 over a WebSocket guarded by a random token, plus the
// browser build of the renderer (dist-harness/) whose window.consoleApi talks to
// it. A development and test tool only: never packaged.
//
// It fails closed, never down (IN-2): a Host other than 127.0.0.1:<port> or
// localhost:<port> is refused (DNS rebinding), a malformed path gets 400, a socket
// message that is not a call gets an error envelope, and nothing a client sends can
// end the process.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventChannels } from '../../../src-preload/channels';
import { dispatch } from '../../../src-preload/main-handlers';
import { createConsole, type ConsoleInstance } from '../../../src-main/app/console';
import { contentSecurityPolicy } from '../../../src-main/shell/content-security-policy';
import { electronBinaryPath } from '../../../src-main/shell/electron-runtime';
import { createLogger, type Logger } from '../../../src-main/core/logger';
import { HarnessView } from './harness-view';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  staticDir?: string;
  logger?: Logger;
  /** Test-only: where the stand-in view writes the impersonation cookie (see HarnessView). */
  exposeCookieTo?: string | null;
  /** Test-only: where the view's proxy appends every request it decided on (see HarnessView). */
  recordRequestsTo?: string | null;
  /** Test-only: a deliberate hole in the view's policy, its token written here (see HarnessView). */
  policyBypassTo?: string | null;
  /** TEST ONLY (the bench): a raised rate limit; the product's stays 5. */
  testOnlyRateLimit?: number;
}

/**
 * Harness-only message on the UI's socket, beside the contract's calls and events:
 * the entry URL of the open view (single use, one per socket), or null once it closed.
 */
export interface HarnessViewMessage {
  harness: 'view';
  url: string | null;
}

export interface Harness {
  url: string;
  console: ConsoleInstance;
  view: HarnessView;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const staticDir = options.staticDir ?? path.join(root, 'dist-harness');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The harness UI is not built: run "npm run build:harness" (missing ${staticDir}/index.html).`);
  }
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const logger = options.logger ?? createLogger(() => {});
  const view = new HarnessView({
    exposeCookieTo: options.exposeCookieTo ?? null,
    recordRequestsTo: options.recordRequestsTo ?? null,
    policyBypassTo: options.policyBypassTo ?? null,
  });
  const services = createConsole({
    view,
    ...(options.testOnlyRateLimit ? { testOnlyRateLimit: options.testOnlyRateLimit } : {}),
    userDataDir: options.dataDir,
    logger,
    safeStorage: null, // no OS keychain in the harness: passwords stay in memory
    info: {
      name: 'Impersonation Console',
      version,
      platform: process.platform,
      electronRuntime: electronBinaryPath() !== null,
      electronVersion: null,
      chromeVersion: null,
      transport: 'harness',
    },
  });
  // The desktop app's composition root does the same with the real view (desktop-lifecycle.ts).
  view.onViewRefused((refusal) => services.events.emit('viewRefused', refusal));
  const viewOrigins = await view.listen();
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  let origin = '';

  /**
   * The Host a request names, when it is this harness's own (127.0.0.1 or localhost,
   * this port); null for anything else, so that a page of another site reaching
   * 127.0.0.1 by DNS rebinding gets nothing (fails closed).
   */
  const ownHost = (request: IncomingMessage): string | null => {
    const host = (request.headers.host ?? '').toLowerCase();
    return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null;
  };

  const refuse = (response: ServerResponse, status: number, text: string) => {
    if (response.headersSent) return void response.destroy();
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
  };

  const serveStatic = (request: IncomingMessage, response: ServerResponse, host: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', `http://${host}`).pathname);
    } catch {
      return refuse(response, 400, 'Bad request'); // a malformed path (e.g. /%E0%A4%A) is the client's error, never ours
    }
    const file = path.resolve(staticDir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (pathname.includes('\0') || !file.startsWith(staticDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      return refuse(response, 404, 'Not found');
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy([`ws://${host}`], viewOrigins),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };

  const server = createServer((request, response) => {
    try {
      const host = ownHost(request);
      if (!host) return refuse(response, 403, 'Forbidden');
      serveStatic(request, response, host);
    } catch (error) {
      logger.error('harness.request-failed', { error });
      refuse(response, 500, 'Internal error');
    }
  });
  // A malformed request line or header is answered 400 by Node and never reaches us.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const host = ownHost(request);
    let authorised = false;
    try {
      const url = new URL(request.url ?? '/', `http://${host ?? 'invalid'}`);
      authorised =
        host !== null &&
        url.pathname === '/ws' &&
        sameSecret(url.searchParams.get('token') ?? '', token) &&
        request.headers.origin === `http://${host}`;
    } catch {
      authorised = false;
    }
    if (!authorised) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  const attach = (ws: WebSocket) => {
    const stopEvents = services.events.listen((event, payload) => {
      ws.send(JSON.stringify({ event: eventChannels[event], payload }));
    });
    // Each UI gets its own ticket into the view, now if one is open and whenever it changes.
    const sendView = () => ws.send(JSON.stringify({ harness: 'view', url: view.entryUrl() } satisfies HarnessViewMessage));
    const stopView = view.onChange(sendView);
    if (view.opened) sendView();
    ws.on('close', () => {
      stopEvents();
      stopView();
    });
    ws.on('message', (data) => {
      answer(ws, String(data)).catch((error: unknown) => logger.error('harness.message-failed', { error }));
    });
  };

  /** One call over the socket: anything that is not a call gets an error envelope, never a crash. */
  const answer = async (ws: WebSocket, text: string): Promise<void> => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = null;
    }
    const fields = typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as Record<string, unknown>) : null;
    const id = typeof fields?.id === 'number' || typeof fields?.id === 'string' ? fields.id : null;
    if (!fields || !('channel' in fields)) {
      ws.send(JSON.stringify({ id, envelope: { ok: false, error: { kind: 'invalid-message', key: 'errors.invalidMessage' } } }));
      return;
    }
    const envelope = await dispatch(services.handlers, fields.channel, fields.payload, {
      logUnexpected: (channel, error) => logger.error('harness.unexpected-error', { channel, error }),
      refusedInput: services.refusedInput,
    });
    ws.send(JSON.stringify({ id, envelope }));
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('harness: no address');
  port = address.port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    console: services,
    view,
    close: async () => {
      await services.shutdown();
      await view.dispose();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
