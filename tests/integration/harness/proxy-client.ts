// For the view proxy's tests: raw HTTP against the proxy with full control of Host,
// Cookie and the Sec-Fetch headers (what a browser, another local process or a
// rebinding page would send), and a recording upstream standing in for Odoo's
// socket, so a test sees exactly what reached "the server".
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ agent: false, host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } });
    outgoing.on('error', reject);
    outgoing.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.end(options.body);
  });
}

/** Enters through a fresh ticket as the harness UI does; answers the proxy's cookie ("name=value"). */
export async function enter(port: number, entryUrl: string): Promise<string> {
  const url = new URL(entryUrl);
  const answer = await send(port, { path: `${url.pathname}${url.search}` });
  if (answer.status !== 303) throw new Error(`entry answered ${answer.status}`);
  return String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
}

export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RecordingUpstream {
  origin: string;
  seen: Seen[];
  sockets: WebSocket[];
  /** What the next request gets (default: 200 "ok"). */
  answer: (request: IncomingMessage, response: ServerResponse) => void;
  close(): Promise<void>;
}

export async function recordingUpstream(): Promise<RecordingUpstream> {
  const state: RecordingUpstream = {
    origin: '',
    seen: [],
    sockets: [],
    answer: (_request, response) => response.end('ok'),
    close: async () => {},
  };
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      state.seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks) });
      state.answer(incoming, response);
    });
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('headers', (headers) => headers.push('Set-Cookie: session_id=rotated-by-the-bus; HttpOnly; Path=/', 'Set-Cookie: cids=1; Path=/'));
  sockets.on('connection', (ws, incoming) => {
    state.seen.push({ method: 'UPGRADE', url: incoming.url ?? '', headers: incoming.headers, body: Buffer.alloc(0) });
    state.sockets.push(ws);
    ws.on('message', (data) => ws.send(`echo:${String(data)}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  state.origin = `http://127.0.0.1:${address.port}`;
  state.close = async () => {
    for (const ws of sockets.clients) ws.terminate();
    sockets.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
