// Browser entry of the harness: installs a window.consoleApi that talks to the
// harness server, then starts the real renderer unchanged. The impersonation view
// is the harness's own plumbing: the server sends the view's entry URL, and the
// bounds the Session screen reports to main also place the view here.
import type { ViewBounds } from '../../../src-preload/contract';
import { makeConsoleBridge, type ConsoleTransport } from '../../../src-preload/renderer-invokers';
import { ViewOverlay } from './view-overlay';
import { connectWebSocketTransport } from './websocket-transport';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const socketUrl = `${location.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
const overlay = new ViewOverlay(document.body);
const socket = connectWebSocketTransport(socketUrl, (message) => {
  if (message.harness === 'view') overlay.show(typeof message.url === 'string' ? message.url : null);
});
const transport: ConsoleTransport = {
  invoke: (channel, payload) => {
    if (channel === 'impersonation:setViewBounds') overlay.place(payload as ViewBounds);
    return socket.invoke(channel, payload);
  },
  subscribe: socket.subscribe,
};
window.consoleApi = makeConsoleBridge(transport);

await import('../../../src-renderer/src/main');
