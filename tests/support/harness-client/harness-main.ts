// Browser entry of the harness: installs a window.consoleApi that talks to the
// harness server, then starts the real renderer unchanged.
import { makeConsoleBridge } from '../../../src-preload/renderer-invokers';
import { connectWebSocketTransport } from './websocket-transport';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const socketUrl = `${location.origin.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
window.consoleApi = makeConsoleBridge(connectWebSocketTransport(socketUrl));

await import('../../../src-renderer/src/main');
