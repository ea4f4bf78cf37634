// Server URL validation (docs/security.md IN-3): only http(s), no credentials, one
// normal form, and a warning flag for plain http to anything but loopback.
import { OdooError } from './odoo-error';

export interface ServerUrl {
  /** scheme://host[:port], what the embedded view may navigate to. */
  origin: string;
  /** origin plus the path Odoo is served under (no trailing slash); every route hangs off it. */
  baseUrl: string;
  /** Plain http to a host that is not loopback: passwords and cookies travel in clear. */
  insecureHttp: boolean;
}

const MAX_LENGTH = 2048;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// Paths of Odoo's own web client: a URL copied from the browser's address bar.
const WEB_CLIENT_PATH = /\/(odoo|web)(\/.*)?$/;

function invalid(problem: string): OdooError {
  return new OdooError('invalid-url', { problem });
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses what the user typed into a server URL. Throws an OdooError of kind
 * `invalid-url` whose `problem` param names what is wrong (empty, scheme,
 * credentials, host, query, too-long, characters).
 */
export function parseServerUrl(input: string): ServerUrl {
  const text = input.trim();
  if (text === '') throw invalid('empty');
  if (text.length > MAX_LENGTH) throw invalid('too-long');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\s\u0000-\u001f\u007f]/.test(text)) throw invalid('characters');
  // "odoo.example.com" means https; an explicit scheme is kept and checked.
  const withScheme = HAS_SCHEME.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid('malformed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('scheme');
  if (url.username !== '' || url.password !== '') throw invalid('credentials');
  if (url.hostname === '') throw invalid('host');

  let path = url.pathname.replace(/\/+$/, '');
  const webClient = WEB_CLIENT_PATH.exec(path);
  if (webClient) {
    // A pasted web-client address: its query and fragment are the client's state, not ours.
    path = path.slice(0, webClient.index);
  } else if (url.search !== '') {
    throw invalid('query');
  }
  return {
    origin: url.origin,
    baseUrl: `${url.origin}${path}`,
    insecureHttp: url.protocol === 'http:' && !isLoopbackHost(url.hostname),
  };
}
