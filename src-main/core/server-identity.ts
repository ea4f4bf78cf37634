// Which server an attempt is made against, for the rate limit (LD-3): the same server
// must count once however its URL is spelled. The server's own identity comes first —
// its database's `database.uuid` (ir.config_parameter, readable by a Settings
// administrator, read at connect) — so host aliases (`localhost`, `127.0.0.1`, a DNS
// alias) are one server. Only when the uuid cannot be read does the URL stand in,
// normalised: letter case, trailing dots, IPv4-mapped IPv6 and the many spellings of
// loopback give no extra attempts. Pure: the connector reads the uuid.

/** The limiter's server key: `uuid:<database.uuid>`, or `url:<normalised origin+path>|<database>`. */
export function serverIdentityKey(databaseUuid: string | null, url: string, database: string): string {
  const uuid = databaseUuid?.trim().toLowerCase();
  if (uuid && /^[0-9a-f-]{8,64}$/.test(uuid)) return `uuid:${uuid}`;
  return `url:${normalisedServerUrl(url)}|${database}`;
}

/** The URL as one server has one spelling of it (as far as a URL alone can tell). */
export function normalisedServerUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim().toLowerCase();
  }
  const host = canonicalHost(parsed.hostname);
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${host}${port}${path}`;
}

function canonicalHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.+$/, '');
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (mapped) {
    const high = Number.parseInt(mapped[1] ?? '0', 16);
    const low = Number.parseInt(mapped[2] ?? '0', 16);
    host = [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  // Every name and address of this machine's loopback is one server.
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)) return 'loopback';
  return host;
}
