// The harness's stand-in for the embedded view: the proxied Odoo page, laid as an
// iframe over the Session screen's view area at the bounds the screen reports to main
// (tests/support/harness-client/view-overlay.ts).
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export function harnessView(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="harness-view"]');
}

/** The view covers the area exactly, to the whole pixel the bounds are rounded to (as for the desktop view). */
export async function expectViewOver(page: Page, area: Locator): Promise<void> {
  const [areaBox, viewBox] = [await area.boundingBox(), await page.getByTestId('harness-view').boundingBox()];
  expect(areaBox).not.toBeNull();
  expect(viewBox).not.toBeNull();
  const edges = (box: NonNullable<typeof areaBox>) => [box.x, box.y, box.x + box.width, box.y + box.height];
  const [area4, view4] = [edges(areaBox!), edges(viewBox!)];
  for (let i = 0; i < 4; i += 1) expect(Math.abs(view4[i]! - area4[i]!)).toBeLessThanOrEqual(1);
}
