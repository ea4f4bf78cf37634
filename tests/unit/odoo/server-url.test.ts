import { describe, expect, it } from 'vitest';
import { OdooError, parseServerUrl } from '../../../src-main/odoo';

const problemOf = (input: string) => {
  try {
    parseServerUrl(input);
    return null;
  } catch (error) {
    return error instanceof OdooError ? { kind: error.kind, problem: error.params?.problem } : String(error);
  }
};

describe('parseServerUrl (IN-3)', () => {
  it('normalises an https address: lower-case host, default port and trailing slash dropped', () => {
    expect(parseServerUrl('  HTTPS://Odoo.Example.COM:443/ ')).toEqual({
      origin: 'https://odoo.example.com',
      baseUrl: 'https://odoo.example.com',
      insecureHttp: false,
    });
  });

  it('assumes https when no scheme is typed', () => {
    expect(parseServerUrl('odoo.example.com').baseUrl).toBe('https://odoo.example.com');
  });

  it('keeps a path Odoo is served under', () => {
    expect(parseServerUrl('https://example.com/erp/').baseUrl).toBe('https://example.com/erp');
  });

  it('drops the web client part of an address copied from the browser', () => {
    expect(parseServerUrl('https://example.com/odoo/action-42?debug=1#x').baseUrl).toBe('https://example.com');
    expect(parseServerUrl('https://example.com/web#action=12').baseUrl).toBe('https://example.com');
  });

  it('warns about plain http to a host that is not loopback', () => {
    expect(parseServerUrl('http://odoo.example.com').insecureHttp).toBe(true);
    expect(parseServerUrl('http://localhost:8069').insecureHttp).toBe(false);
    expect(parseServerUrl('http://127.0.0.1:8069').insecureHttp).toBe(false);
    expect(parseServerUrl('http://[::1]:8069').insecureHttp).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['ftp://odoo.example.com', 'scheme'],
    ['javascript://alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https://admin:secret@odoo.example.com', 'credentials'],
    ['https://odoo.example.com/?db=x', 'query'],
    ['https://odoo example.com', 'characters'],
    ['https://odoo.example.com/\u0000', 'characters'],
    [`https://example.com/${'a'.repeat(3000)}`, 'too-long'],
    ['https://', 'malformed'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(problemOf(input)).toEqual({ kind: 'invalid-url', problem });
  });
});
