import { expect, test } from '@playwright/test';
import { launchConsole, skipWithoutElectron } from './support/launch';

skipWithoutElectron();

test('starts one sandboxed window showing the console', async () => {
  const app = await launchConsole();
  const page = await app.firstWindow();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  const info = await page.evaluate('window.consoleApi.app.info()');
  expect(info).toMatchObject({ ok: true, value: { transport: 'ipc', electronRuntime: true } });
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});

test('switches the language to Spanish and keeps it', async () => {
  const app = await launchConsole();
  const page = await app.firstWindow();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Ajustes' })).toBeVisible();
  await app.close();
});
