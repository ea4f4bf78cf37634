// What the frames of the impersonation view may load (SS-6). The main frame:
// the connection's origin and nothing else. A subframe: the same, plus the
// documents the Odoo web client itself puts in frames without a network request —
// an empty frame (`about:blank`, which every iframe starts as), an inline one
// (`about:srcdoc`, the html field and mail previews), a `blob:` URL the page made
// on the connection's own origin — and Chromium's built-in PDF viewer, should a
// same-origin PDF ever open in it. Everything else (another site, `data:`,
// `file:`, `javascript:`, a blob of another origin) is refused. Pure: the guards
// apply it to will-frame-navigate, which Electron fires for every frame.
import type { OriginPolicy } from './origin-policy';
import { ALLOW, refuse, type ViewDecision } from './view-request';

export type FrameKind = 'main' | 'sub';

/** Chromium's PDF viewer extension, which Electron ships under the same id. */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

const LOCAL_DOCUMENTS = new Set(['blank', 'srcdoc']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A frame navigation, main or sub: refused as `navigate` (main) or `frame-navigate` (sub). */
export function decideFrameNavigation(url: string, frame: FrameKind, origin: OriginPolicy): ViewDecision {
  if (origin.allows(url)) return ALLOW;
  if (frame === 'main') return refuse('navigate');
  return subframeMayLoad(url, origin) ? ALLOW : refuse('frame-navigate');
}

function subframeMayLoad(url: string, origin: OriginPolicy): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'about:':
      // `about:blank#x` is still the empty document; `about:blank/x` or `about:config` are not.
      return LOCAL_DOCUMENTS.has(parsed.pathname);
    case 'blob:':
      // The blob's origin is its inner URL's: only one the Odoo page made itself.
      return origin.allows(parsed.pathname);
    case 'chrome-extension:':
      return `${parsed.protocol}//${parsed.host}` === PDF_VIEWER_ORIGIN && !parsed.username && !parsed.password;
    default:
      return false;
  }
}
