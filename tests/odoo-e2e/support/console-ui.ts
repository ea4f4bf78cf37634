// The console's own screens as the real-server specs drive them.
import { expect, type Page } from '@playwright/test';
import { translator, type Language } from '../../e2e/support/locale-text';

/** Settings ▸ Language, then back to where `back` (a nav key) names. */
export async function chooseLanguage(page: Page, language: Language, back = 'app.nav.connect'): Promise<void> {
  if (language === 'en') return;
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.getByRole('navigation').getByRole('button', { name: translator(language)(back) }).click();
}
