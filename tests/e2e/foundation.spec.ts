import { expect, test } from './support/harness-fixture';

test.describe('the console shell through the harness', () => {
  test('switches the language to Spanish at once and remembers it', async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    await page.getByLabel('Language').selectOption('es');
    await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
    await expect(page.getByRole('navigation')).toContainText('Registros');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.screenshot({ path: 'test-results/screenshots/settings-es.png', fullPage: true });

    await page.reload();
    await page.getByRole('button', { name: 'Ajustes' }).click();
    await expect(page.getByLabel('Idioma')).toHaveValue('es');
  });

  test('lets the session limit be lowered, and remembers it', async ({ page, harness }) => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const limit = page.getByLabel('Session time limit');
    await expect(limit).toHaveValue('60');
    await expect(limit.locator('option')).toHaveText(['15 minutes', '30 minutes', '45 minutes', '60 minutes']);
    await limit.selectOption('30');
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel('Session time limit')).toHaveValue('30');
  });

  test('refuses a WebSocket without the token', async ({ page, harness }) => {
    const origin = new URL(harness.url).origin;
    await page.goto(harness.url);
    const refused = await page.evaluate(async (wsUrl) => {
      return await new Promise<boolean>((resolve) => {
        const socket = new WebSocket(wsUrl);
        socket.onopen = () => resolve(false);
        socket.onerror = () => resolve(true);
      });
    }, `${origin.replace('http', 'ws')}/ws?token=wrong`);
    expect(refused).toBe(true);
  });
});
