// Serves the built UI from app://console/ instead of file://, so the UI has a
// real origin to lock navigation and IPC senders to, gets its CSP as a header,
// and needs no file-protocol privileges (the grantFileProtocolExtraPrivileges
// fuse is off in packaged builds).
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL is our UI. Compared on scheme and host, not on `origin`: Node's URL
 * gives "null" as the origin of any scheme it does not know, app: included.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Resolves a request path inside the renderer folder, or null if it escapes it. */
export function resolveInside(rendererDir: string, requestUrl: string): string | null {
  const { pathname, host } = new URL(requestUrl);
  if (host !== APP_HOST) return null;
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(rendererDir, relative);
  return file.startsWith(path.resolve(rendererDir) + path.sep) ? file : null;
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveInside(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
