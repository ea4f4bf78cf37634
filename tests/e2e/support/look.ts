// "Looked at, not only tested": a screenshot of the screen as it is, and the layout and
// accessibility rules every screen keeps — the document no taller than the window, no
// button, tab or column header cutting its text, and no axe-core violation.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

export const screensDir = path.resolve(import.meta.dirname, '../../../test-results/screens');

export interface LookProblems {
  layout: string[];
  violations: string[];
}

// Runs in the page (kept as text: this project's Node typecheck has no DOM types).
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollHeight > window.innerHeight) problems.push('the document is ' + root.scrollHeight + ' px tall in a ' + window.innerHeight + ' px window');
  for (const element of document.querySelectorAll('button, [role="tab"], [role="columnheader"], th')) {
    if (element.closest('.visually-hidden')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
      problems.push('cut: ' + element.tagName.toLowerCase() + ' “' + element.textContent.trim() + '” (' + element.scrollWidth + '×' + element.scrollHeight + ' in ' + element.clientWidth + '×' + element.clientHeight + ')');
    }
  }
  // A grid wider than itself hides whole columns (Outcome and Source at 1024 px).
  for (const grid of document.querySelectorAll('[role="grid"]')) {
    if (grid.scrollWidth > grid.clientWidth + 1) problems.push('the ' + grid.getAttribute('aria-label') + ' grid scrolls sideways (' + grid.scrollWidth + ' in ' + grid.clientWidth + ')');
  }
  return problems;
})()`;

const AXE_RUN = `window.axe.run(document, { resultTypes: ['violations'] }).then((result) =>
  result.violations.flatMap((violation) => violation.nodes.map((node) =>
    violation.id + ': ' + node.target.join(' ') + ' — ' + (node.failureSummary || '').split('\\n').slice(1).join(' ').trim())))`;

/** What breaks the layout rules on the page as it is now. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(LAYOUT_PROBLEMS) as Promise<string[]>;
}

/** axe-core's violations on the whole page (the page's own CSP does not apply to evaluate). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('"axe" in window'))) await page.evaluate(axe.source);
  return (await page.evaluate(AXE_RUN)) as string[];
}

/** Saves test-results/screens/<name>.png and answers what breaks the rules there. */
export async function look(page: Page, name: string): Promise<LookProblems> {
  mkdirSync(screensDir, { recursive: true });
  // Let transitions and a pending layout settle into one frame before judging it.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page.screenshot({ path: path.join(screensDir, `${name}.png`) });
  return { layout: await layoutProblems(page), violations: await axeViolations(page) };
}
