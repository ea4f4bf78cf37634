// A request's path as the Odoo server routes it, not as it is spelled. The real
// servers (17, 18, 19) act on every one of these spellings of the same route
// (docs/odoo.md, "The view's requests as Odoo routes them"):
// - percent-encoding, once, `%2F` included: the WSGI path is unquoted before
//   routing, so `/web/session/%6Cogout` and `/web%2Fsession%2Flogout` are logout;
// - repeated slashes: a leading `//` routes directly, an inner one answers a 308
//   to the merged path that `fetch` follows with its body;
// - one trailing slash (werkzeug's map has strict_slashes off).
// Decoding follows Python's `urllib.parse.unquote`: valid `%XX` runs become bytes,
// read as UTF-8 with replacement; an invalid `%` stays as it is. Pure; no URL
// library beyond the standard `URL` parser, which Chromium's own normalisation
// (dot segments, backslashes) matches.

/** The decoded, slash-collapsed path of `url`, without its trailing slash; null if `url` does not parse. */
export function routedPath(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  return collapseSlashes(unquote(pathname));
}

/**
 * Every form the server might route `path` as: collapsed as above, and also with
 * dot segments resolved after decoding (`/web/%2E%2E/x` decodes to a `..` that
 * the server does not resolve, but a proxy in front of it might). A rule refuses
 * when any of them is refused.
 */
export function routedPathForms(url: string): string[] | null {
  const path = routedPath(url);
  if (path === null) return null;
  const resolved = resolveDots(path);
  return resolved === path ? [path] : [path, resolved];
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Python's urllib.parse.unquote: %XX runs to UTF-8 bytes (errors replaced), anything else kept. */
export function unquote(text: string): string {
  if (!text.includes('%')) return text;
  const decoder = new TextDecoder('utf-8');
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += decoder.decode(new Uint8Array(bytes));
    bytes = [];
  };
  for (let i = 0; i < text.length; ) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && HEX.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      flush();
      out += text[i];
      i += 1;
    }
  }
  flush();
  return out;
}

function collapseSlashes(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

function resolveDots(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const joined = out.join('/');
  return collapseSlashes(joined.startsWith('/') ? joined : `/${joined}`);
}
