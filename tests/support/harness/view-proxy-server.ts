// The view proxy's own 127.0.0.1 port, listening for the harness's lifetime so the
// harness UI's CSP can name it in frame-src. It serves the open view (one ViewProxy
// per impersonation, with its own token) and nothing else: with no view open every
// request is refused, and closing the view drops every connection through it, the
// bus's WebSocket included — as destroying the desktop view does.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { plain, ViewProxy, type ViewProxyOptions } from './view-proxy';

export class ViewProxyServer {
  private view: ViewProxy | null = null;
  private readonly connections = new Set<Duplex>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {
    server.on('connection', (socket: Socket) => this.hold(socket));
    server.on('request', (request, response) => {
      if (this.view) this.view.serve(request, response);
      else plain(response, 403, 'No impersonation view is open.');
    });
    server.on('upgrade', (request, socket, head) => {
      if (this.view) this.view.upgrade(request, socket, head);
      else socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  }

  static async start(): Promise<ViewProxyServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('view proxy: no address');
    return new ViewProxyServer(server, address.port);
  }

  /** The origins the harness UI may frame. */
  get origins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  /** Serves a new view, after dropping whatever the previous one left open. */
  open(options: ViewProxyOptions): ViewProxy {
    this.closeView();
    this.view = new ViewProxy(this.port, options, (socket) => this.hold(socket));
    return this.view;
  }

  closeView(): void {
    this.view = null;
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
  }

  async close(): Promise<void> {
    this.closeView();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private hold(socket: Duplex): void {
    this.connections.add(socket);
    socket.on('close', () => this.connections.delete(socket));
  }
}
