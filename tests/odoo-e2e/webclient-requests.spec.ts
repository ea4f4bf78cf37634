// Every request the real web client makes while Alice browses — through the harness's
// view proxy, which asks the desktop view's own rules about each — and the proof
// that the policy refuses none of them: a false positive breaks the product as surely
// as a hole does. The list is kept per version in tests/fixtures/webclient-requests-
// <version>.json (a unit test replays it through the policy): a browse that makes a
// call the list does not name fails here, so the list stays complete for the policies
// built on it. UPDATE_WEBCLIENT_FIXTURES=1 adds what this browse saw to the list.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/support/harness-fixture';
import { impersonateAlice } from './support/bridge';
import { NO_SERVER, realOdoo, uniqueReason, version } from './support/real-odoo';
import { distinctShapes, handshakeLine, listedSocketPaths, readProxiedRequests, shapeKey, shapeOf, type WebClientRequests } from './support/request-shapes';
import { dismissColorPickerError, odooView, openApp, waitForWebClient } from './support/webclient';

const recording = path.join(os.tmpdir(), `webclient-requests-${version}-${process.pid}-${Date.now()}.jsonl`);
const fixtureFile = path.resolve(import.meta.dirname, `../fixtures/webclient-requests-${version}.json`);
const RECORDER = 'tests/odoo-e2e/webclient-requests.spec.ts (UPDATE_WEBCLIENT_FIXTURES=1), through the harness view proxy against the bundled real Odoo';
const STEPS = ['load', 'Discuss', 'channel #general', 'chat with OdooBot', 'Preferences, then closed', 'Apps', 'idle 5 s'];

test.skip(realOdoo === null, NO_SERVER);
test.use({ harnessArgs: ['--record-view-requests', recording] });
test.setTimeout(240_000);

/** Waits until the proxy saw no request for a moment (Odoo loads in bursts). */
async function settled(page: Page): Promise<void> {
  const size = () => (existsSync(recording) ? statSync(recording).size : 0);
  let last = -1;
  for (let waited = 0; waited < 20_000; waited += 1_500) {
    const now = size();
    if (now === last) return;
    last = now;
    await page.waitForTimeout(1_500);
  }
}

function readFixture(): WebClientRequests | null {
  return existsSync(fixtureFile) ? (JSON.parse(readFileSync(fixtureFile, 'utf8')) as WebClientRequests) : null;
}

test(`Odoo ${version}: the view's policy refuses none of the requests the web client makes while alice browses`, async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await impersonateAlice(page, uniqueReason('en'));
  const view = odooView(page);

  await waitForWebClient(view);
  await settled(page);
  await openApp(view, 'Discuss');
  await settled(page);
  for (const channel of ['general', 'OdooBot']) {
    await view.locator('.o-mail-DiscussSidebar').getByText(channel, { exact: true }).first().click();
    await expect(view.locator('.o-mail-Thread').first()).toBeVisible();
    await settled(page);
  }
  await view.locator('.o_user_menu button, .o_user_menu .dropdown-toggle').first().click();
  await view.locator(`.o-dropdown--menu [data-menu="${version === '19' ? 'preferences' : 'settings'}"]`).first().click();
  await expect(view.locator('.modal .o_form_view')).toBeVisible();
  await settled(page);
  await page.screenshot({ path: `test-results/screenshots/odoo-${version}-browse-preferences.png` });
  if (version === '17') await dismissColorPickerError(page);
  await expect(view.locator('.o_error_dialog')).toHaveCount(0);
  await view.locator('.modal .o_form_button_cancel, .modal .btn-close').last().click();
  await expect(view.locator('.modal .o_form_view')).toHaveCount(0);
  await openApp(view, 'Apps');
  await page.waitForTimeout(5_000);
  await settled(page);
  await page.screenshot({ path: `test-results/screenshots/odoo-${version}-browse-apps.png` });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('harness-view')).toHaveCount(0);

  const seen = readProxiedRequests(recording);
  // The policy's verdicts: none refused, but for what read-only means by design (issue 17,
  // README): the bus (she does not appear online) and the markers Odoo writes by itself
  // while she only looks (answered quietly, not written).
  const refused = seen
    .filter((request) => request.refusal !== null && request.refusal !== 'presence' && request.refusal !== 'read-marker')
    .map((request) => `${request.refusal}: ${request.method} ${request.path}`);
  expect(refused, 'requests of the real web client that the policy refused').toEqual([]);
  // The browse really went through the proxy: the client page, its RPCs and the bus.
  const sockets = seen.filter((request) => request.websocket);
  const shapes = distinctShapes(seen.filter((request) => !request.websocket).map(shapeOf));
  expect(shapes.some((shape) => shape.effect === 'page' && shape.path === (version === '17' ? '/web' : '/odoo'))).toBe(true);
  expect(shapes.some((shape) => shape.kind === 'call_kw')).toBe(true);
  expect(shapes.some((shape) => shape.kind === 'action_load')).toBe(true);
  expect(sockets.some((request) => request.refusal === 'presence'), 'the bus reached the proxy, which refused it (read-only)').toBe(true);

  const fixture = readFixture();
  if (process.env.UPDATE_WEBCLIENT_FIXTURES === '1') {
    const lines = [...new Set([...Object.values(fixture?.websockets ?? {}).flat().map((socket) => socket.requestHeaders?.[0] ?? ''), ...sockets.map(handshakeLine)])];
    const merged: WebClientRequests = {
      ...fixture,
      version: fixture?.version ?? Number(version),
      generatedBy: !fixture?.generatedBy ? RECORDER : fixture.generatedBy.includes(RECORDER) ? fixture.generatedBy : `${fixture.generatedBy}; merged with ${RECORDER}`,
      browsing: fixture?.browsing ?? STEPS,
      requests: distinctShapes([...(fixture?.requests ?? []), ...shapes]),
      websockets: { ...(fixture?.websockets ?? {}), e2e: lines.filter((line) => line !== '').map((line) => ({ requestHeaders: [line] })) },
    };
    writeFileSync(fixtureFile, `${JSON.stringify(merged, null, 1)}\n`);
    return;
  }
  expect(fixture, `no ${path.basename(fixtureFile)}: run once with UPDATE_WEBCLIENT_FIXTURES=1`).not.toBeNull();
  const listed = new Set(fixture!.requests.map(shapeKey));
  const unlisted = shapes.filter((shape) => !listed.has(shapeKey(shape)));
  // Pages and assets vary with timing (the service worker, lazy bundles): reported, not failed.
  for (const shape of unlisted.filter((shape) => shape.kind === undefined)) {
    test.info().annotations.push({ type: 'not in the fixture', description: `${shape.method} ${shape.path}` });
  }
  // Every call, and the bus, must be listed: the policies built on the list must allow them.
  const calls = unlisted.filter((shape) => shape.kind !== undefined).map((shape) => `${shape.method} ${shape.path} ${shape.model ?? ''}.${shape.rpcMethod ?? ''}`);
  const socketPaths = listedSocketPaths(fixture!);
  calls.push(...sockets.map((request) => request.path.split('?')[0]!).filter((target) => !socketPaths.has(target)).map((target) => `websocket ${target}`));
  expect(calls, `calls missing from ${path.basename(fixtureFile)} (check them, then UPDATE_WEBCLIENT_FIXTURES=1)`).toEqual([]);
});
