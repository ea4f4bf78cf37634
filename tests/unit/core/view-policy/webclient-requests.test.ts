// The real web client's requests while a user browses, as the real-server e2e
// recorded them through the harness's view proxy against the bundled Odoo 17, 18 and
// 19 (tests/fixtures/webclient-requests-<version>.json): the view's rules must allow
// every one, whatever those rules become — a false positive breaks the product as
// surely as a hole does. Each shape the e2e recorded is replayed from its sample (the
// path, and the JSON body exactly as the web client sent it), the bus handshakes too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideFrameNavigation, decideRequest, NO_BODY, OriginPolicy, type ViewRequestBody } from '../../../../src-main/core/view-policy';
import { listedSocketPaths, type RequestShape, type WebClientRequests } from '../../../odoo-e2e/support/request-shapes';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures');
const files = readdirSync(fixtures).filter((name) => /^webclient-requests-\d+\.json$/.test(name));
const origin = new OriginPolicy('https://odoo.example.com');

type Recorded = RequestShape & Required<Pick<RequestShape, 'sample' | 'fetch'>>;

function bodyOf(shape: Recorded): ViewRequestBody {
  return shape.sample.body === null ? NO_BODY : { kind: 'bytes', bytes: new TextEncoder().encode(shape.sample.body) };
}

it('has a recorded list for each version the console supports', () => {
  expect(files.sort()).toEqual(['webclient-requests-17.json', 'webclient-requests-18.json', 'webclient-requests-19.json']);
});

for (const file of files) {
  const list = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as WebClientRequests;
  const recorded = list.requests.filter((shape): shape is Recorded => shape.sample !== undefined && shape.fetch !== undefined);
  describe(`Odoo ${list.version}: the web client's requests while browsing (${recorded.length} recorded by the e2e)`, () => {
    it('lists the client page, its RPCs with their bodies, and the bus', () => {
      expect(recorded.some((shape) => shape.effect === 'page')).toBe(true);
      expect(recorded.some((shape) => shape.kind === 'call_kw' && shape.sample.body !== null)).toBe(true);
      expect(listedSocketPaths(list).size).toBeGreaterThan(0);
    });

    it.each(recorded.map((shape) => [`${shape.method} ${shape.path} ${shape.rpcMethod ?? ''}`.trim(), shape] as const))('allows %s', (_name, shape) => {
      const url = `${origin.origin}${shape.sample.path}`;
      if (shape.fetch.mode === 'navigate') expect(decideFrameNavigation(url, 'main', origin)).toEqual({ allowed: true });
      expect(decideRequest({ url, method: shape.method, body: bodyOf(shape) }, origin)).toEqual({ allowed: true });
    });

    it.each([...listedSocketPaths(list)])('allows the bus handshake %s', (target) => {
      expect(decideRequest({ url: `${origin.origin}${target}`, method: 'GET', body: NO_BODY }, origin)).toEqual({ allowed: true });
    });
  });
}
