// The development harness: the same ConsoleApi implementation as the desktop
// app, served on 127.0.0.1 over a WebSocket guarded by a random token, plus the
// browser build of the renderer (dist-harness/) whose window.consoleApi talks to
// it. A development and test tool only: never packaged.
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
  const view = new HarnessView({ exposeCookieTo: options.exposeCookieTo ?? null, recordRequestsTo: options.recordRequestsTo ?? null });
  const services = createConsole({
    view,
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
  let origin = '';

  const serveStatic = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', origin).pathname);
    const file = path.resolve(staticDir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(staticDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy([origin.replace(/^http/, 'ws')], viewOrigins),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };

  const server = createServer(serveStatic);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const authorised =
      url.pathname === '/ws' && sameSecret(url.searchParams.get('token') ?? '', token) && request.headers.origin === origin;
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
    ws.on('message', async (data) => {
      let message: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      const envelope = await dispatch(services.handlers, message.channel, message.payload, (channel, error) =>
        logger.error('harness.unexpected-error', { channel, error }),
      );
      ws.send(JSON.stringify({ id: message.id, envelope }));
    });
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('harness: no address');
  origin = `http://127.0.0.1:${address.port}`;

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
