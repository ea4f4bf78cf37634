// LD-3 per server, not per spelling of its URL (issue 11.3): the limiter's server key
// is the database's own uuid; the URL, normalised, only when the uuid is unknown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisedServerUrl, serverIdentityKey } from '../../../src-main/core/server-identity';

const UUID = '8c8fbd3e-ec03-11f1-9cfc-02fc00000001';

describe('serverIdentityKey', () => {
  it('is the database uuid whatever the URL', () => {
    expect(serverIdentityKey(UUID, 'http://127.0.0.1:8069', 'odoo')).toBe(`uuid:${UUID}`);
    expect(serverIdentityKey(UUID.toUpperCase(), 'https://odoo.example.com', 'prod')).toBe(`uuid:${UUID}`);
  });

  it('falls back to the normalised URL and the database when the server does not say', () => {
    expect(serverIdentityKey(null, 'http://127.0.0.1:8069', 'odoo')).toBe('url:http://loopback:8069|odoo');
    expect(serverIdentityKey('', 'http://127.0.0.1:8069', 'odoo')).toBe('url:http://loopback:8069|odoo');
    expect(serverIdentityKey('not a uuid; drop table', 'http://127.0.0.1:8069', 'odoo')).toBe('url:http://loopback:8069|odoo');
  });
});

describe('normalisedServerUrl: no extra attempts for another spelling', () => {
  it.each([
    ['http://127.0.0.1:8069', 'http://localhost:8069', 'http://LOCALHOST:8069', 'http://[::ffff:127.0.0.1]:8069', 'http://127.0.0.1.:8069', 'http://[::1]:8069', 'http://127.1.2.3:8069', 'http://odoo.localhost:8069', 'http://2130706433:8069'],
    ['https://odoo.example.com', 'https://ODOO.Example.com', 'https://odoo.example.com.', 'https://odoo.example.com:443', 'https://odoo.example.com/'],
    ['http://10.0.0.7:8069', 'http://[::ffff:10.0.0.7]:8069', 'http://[::FFFF:a00:7]:8069'],
  ])('one server: %s', (...spellings) => {
    expect(new Set(spellings.map(normalisedServerUrl)).size).toBe(1);
  });

  it('keeps different servers apart: scheme, port, path and host count', () => {
    const servers = ['http://odoo.example.com', 'https://odoo.example.com', 'https://odoo.example.com:8443', 'https://odoo.example.com/erp', 'https://other.example.com'];
    expect(new Set(servers.map(normalisedServerUrl)).size).toBe(servers.length);
  });

  it('is idempotent and case-blind for any host', () => {
    fc.assert(
      fc.property(fc.domain(), fc.boolean(), (host, dot) => {
        const url = `https://${host}${dot ? '.' : ''}:8443/`;
        const once = normalisedServerUrl(url);
        expect(normalisedServerUrl(once)).toBe(once);
        expect(normalisedServerUrl(url.toUpperCase().replace('HTTPS', 'https'))).toBe(once);
      }),
    );
  });
});
