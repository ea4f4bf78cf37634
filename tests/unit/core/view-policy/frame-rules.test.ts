// The frames of the impersonation view (SS-6): what the Odoo web client puts in
// subframes is allowed — its own pages (the pdf.js viewer Odoo 17–19 open for a
// PDF preview is /web/static/lib/pdfjs/web/viewer.html on the same origin), the
// empty and inline documents, its own blobs, Chromium's PDF viewer — and nothing
// else; the main frame gets the connection's origin only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFrameNavigation, OriginPolicy, PDF_VIEWER_ORIGIN } from '../../../../src-main/core/view-policy';

const ORIGIN = 'https://odoo.example.com';
const origin = new OriginPolicy(ORIGIN);
const allowed = { allowed: true };

describe('decideFrameNavigation: subframes', () => {
  it.each([
    ['the pdf.js viewer Odoo opens for a preview', `${ORIGIN}/web/static/lib/pdfjs/web/viewer.html?file=%2Fweb%2Fcontent%2F104#pagemode=none`],
    ['a report or attachment on the same origin', `${ORIGIN}/web/content/42?download=false`],
    ['the empty document every iframe starts as', 'about:blank'],
    ['an empty document with a fragment', 'about:blank#top'],
    ['an inline (srcdoc) document', 'about:srcdoc'],
    ["a blob the page made on the connection's origin", `blob:${ORIGIN}/6f1c7a40-6f0e-4c56-9d7b-1c1f0e7f0b11`],
    ["Chromium's PDF viewer", `${PDF_VIEWER_ORIGIN}/index.html`],
  ])('allows %s', (_what, url) => {
    expect(decideFrameNavigation(url, 'sub', origin)).toEqual(allowed);
  });

  it.each([
    ['another site', 'https://evil.test/frame'],
    ['a look-alike host', 'https://odoo.example.com.evil.test/'],
    ['another port of the same host', 'https://odoo.example.com:8443/web'],
    ['plain http to the https origin', 'http://odoo.example.com/web'],
    ['a blob of another origin', 'blob:https://evil.test/6f1c7a40'],
    ['a blob with an opaque origin', 'blob:null/6f1c7a40'],
    ['a blob hiding credentials', `blob:https://user:pw@odoo.example.com/6f1c7a40`],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['file:', 'file:///etc/passwd'],
    ['another about: page', 'about:config'],
    ['a path under about:blank', 'about:blank/x'],
    ['another extension', 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/index.html'],
    ['filesystem:', `filesystem:${ORIGIN}/temporary/x.html`],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(decideFrameNavigation(url, 'sub', origin)).toEqual({ allowed: false, refusal: 'frame-navigate' });
  });
});

describe('decideFrameNavigation: the main frame', () => {
  it("allows the connection's origin", () => {
    expect(decideFrameNavigation(`${ORIGIN}/odoo/contacts`, 'main', origin)).toEqual(allowed);
  });

  it.each(['about:blank', 'about:srcdoc', `blob:${ORIGIN}/6f1c7a40`, `${PDF_VIEWER_ORIGIN}/index.html`, 'https://evil.test/'])(
    'refuses %s, which only a subframe may show',
    (url) => {
      expect(decideFrameNavigation(url, 'main', origin)).toEqual({ allowed: false, refusal: 'navigate' });
    },
  );

  it('refuses every http(s) URL on another host, in any frame', () => {
    const otherHost = fc.domain().filter((host) => host !== 'odoo.example.com');
    fc.assert(
      fc.property(otherHost, fc.constantFrom('http', 'https'), fc.webPath(), fc.constantFrom('main' as const, 'sub' as const), (host, scheme, path, frame) => {
        expect(decideFrameNavigation(`${scheme}://${host}${path}`, frame, origin).allowed).toBe(false);
      }),
    );
  });
});
