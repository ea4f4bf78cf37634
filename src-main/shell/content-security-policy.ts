// The Content-Security-Policy of the console's own UI. Nothing inline, nothing
// remote: the UI is our bundle and talks to main only through the contract. The
// harness adds exactly one WebSocket origin to connect-src, and the origins of its
// view proxy as the only frames (the desktop app frames nothing: default-src 'none').

export function contentSecurityPolicy(extraConnectSrc: string[] = [], frameSrc: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...extraConnectSrc].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    ...(frameSrc.length > 0 ? [`frame-src ${frameSrc.join(' ')}`] : []),
  ].join('; ');
}
