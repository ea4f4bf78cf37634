// The real web client's requests while a user browses, as recorded against the
// bundled real Odoo 17, 18 and 19 (tests/fixtures/webclient-requests-<version>.json,
// made by tests/odoo-e2e/webclient-requests.spec.ts): the view's rules must allow
// every one of them, whatever those rules become — a false positive breaks the
// product as surely as a hole does. Each shape is replayed from its sample.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideFrameNavigation, decideRequest, NO_BODY, OriginPolicy, type ViewRequestBody } from '../../../../src-main/core/view-policy';
import type { RequestShape, WebClientRequests } from '../../../odoo-e2e/support/request-shapes';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures');
const files = readdirSync(fixtures).filter((name) => /^webclient-requests-\d+\.json$/.test(name));
const origin = new OriginPolicy('https://odoo.example.com');

function bodyOf(shape: RequestShape): ViewRequestBody {
  return shape.sample.body === null ? NO_BODY : { kind: 'bytes', bytes: new TextEncoder().encode(shape.sample.body) };
}

it('has a recorded list for each version the console supports', () => {
  expect(files.sort()).toEqual(expect.arrayContaining(['webclient-requests-18.json']));
});

for (const file of files) {
  const list = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as WebClientRequests;
  describe(`Odoo ${list.version}: the web client's requests while browsing (${list.requests.length} shapes)`, () => {
    it('lists the client page, its RPCs and the bus', () => {
      expect(list.requests.some((shape) => shape.kind === 'page')).toBe(true);
      expect(list.requests.some((shape) => shape.kind === 'call_kw' && shape.sample.body !== null)).toBe(true);
      expect(list.requests.some((shape) => shape.kind === 'websocket')).toBe(true);
    });

    it.each(list.requests.map((shape) => [`${shape.method} ${shape.path} ${shape.rpcMethod ?? ''}`.trim(), shape] as const))('allows %s', (_name, shape) => {
      const url = `${origin.origin}${shape.sample.path}`;
      if (shape.mode === 'navigate') expect(decideFrameNavigation(url, 'main', origin)).toEqual({ allowed: true });
      expect(decideRequest({ url, method: shape.method, body: bodyOf(shape) }, origin)).toEqual({ allowed: true });
    });
  });
}
