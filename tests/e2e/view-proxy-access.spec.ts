// The harness's view proxy acts as the impersonated user, so in a real browser only
// the harness's own frame may use it: not another local process (no cookie of the
// proxy), not a page of another site that sends the browser there (the proxy's cookie
// is SameSite=Strict), not a DNS-rebinding page (its own name in Host). Simulator.
import { chromium } from '@playwright/test';
import { expect, test } from './support/harness-fixture';
import { harnessView } from './support/harness-view';
import { simulatorServer, startThroughBridge } from '../support/bridge-start';

test.use({ harnessArgs: ['--odoo-sim'] });

test('only the harness frame acts as alice through the view proxy', async ({ page, harness, launchOptions }) => {
  await page.goto(harness.url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await startThroughBridge(page, { server: simulatorServer(harness.odooUrl!), targetLogin: 'alice', reason: 'Ticket 4711: Alice cannot confirm her sales orders' });
  const view = harnessView(page);
  await expect(view.locator('#current-user')).toHaveText('Alice Anderson');
  const proxy = new URL((await page.getByTestId('harness-view').getAttribute('src'))!).origin;

  // The frame's own URL was single-use: opened again, even in the same browser, it is refused.
  const entry = (await page.getByTestId('harness-view').getAttribute('src'))!;
  const again = await page.context().newPage();
  await again.goto(entry);
  await expect(again.locator('body')).toHaveText(/Forbidden \(ticket\)/);

  // Another local process: no cookie of the proxy.
  const other = await fetch(`${proxy}/odoo`);
  expect(other.status).toBe(403);
  expect(await other.text()).toMatch(/Forbidden \(token\)/);

  // A page of another site, in the same browser (which holds the proxy's cookie), sends the
  // browser to the proxy: the SameSite=Strict cookie stays home.
  await again.route('http://elsewhere.test/', (route) => route.fulfill({ contentType: 'text/html', body: `<a id="go" href="${proxy}/odoo">open</a>` }));
  await again.goto('http://elsewhere.test/');
  await again.locator('#go').click();
  await expect(again).toHaveURL(`${proxy}/odoo`);
  await expect(again.locator('body')).toHaveText(/Forbidden \(token\)/);

  // A DNS-rebinding page: a name of the attacker's that now resolves to 127.0.0.1.
  const port = new URL(proxy).port;
  const rebinding = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP rebind.attacker.test 127.0.0.1'] });
  try {
    const attacker = await rebinding.newPage();
    const answer = await attacker.goto(`http://rebind.attacker.test:${port}/odoo`);
    expect(answer?.status()).toBe(403);
    await expect(attacker.locator('body')).toHaveText(/Forbidden \(host\)/);
  } finally {
    await rebinding.close();
  }

  // The frame itself still runs as alice.
  await expect(view.locator('#current-user')).toHaveText('Alice Anderson');
});
