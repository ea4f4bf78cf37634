// The core flow in the desktop app itself, against the Odoo simulator: the same path
// as tests/e2e/session.spec.ts, plus what only Electron has — the real embedded
// view on its own in-memory partition, its guards, the window title, the tray,
// and quitting during a session.
//
// Written against the Electron and Playwright APIs without an Electron runtime to
// run it on (it cannot be downloaded where it was written): it skips there.
// The tray is read through a probe on Menu.buildFromTemplate (support/tray-probe.ts):
// its menu and status line are checked and its Stop is clicked, but whether the
// desktop draws the icon, its tooltip and which icon it shows are not observable.
import type { ElectronApplication, Page } from '@playwright/test';
import type { OdooSim } from '../support/odoo-sim';
import { expect, impersonateAlice, sessionBanner, test } from './support/console-fixture';
import { label, labelPattern } from './support/labels';
import { launchConsole, skipWithoutElectron } from './support/launch';
import {
  allContents,
  contentsOf,
  embeddedViews,
  evaluateIn,
  mainWindowTitle,
  textIn,
  viewRefusals,
  viewSessionFacts,
  windowCount,
  type ContentsInfo,
} from './support/main-process';
import { clickTrayItem, trayMenu, trayStatusLine, watchTrayMenus } from './support/tray-probe';

skipWithoutElectron();

const ALICE = 'Alice Anderson';

/** The one impersonation view, once it shows the simulator's web client as alice. */
async function aliceView(app: ElectronApplication, sim: OdooSim): Promise<ContentsInfo> {
  const odooUrl = `${sim.url}/odoo`;
  await expect.poll(async () => (await contentsOf(app, sim.url)).map((contents) => contents.url)).toEqual([odooUrl]);
  const [view] = await contentsOf(app, sim.url);
  await expect.poll(() => textIn(app, view!.id, '#current-user')).toBe(ALICE);
  return view!;
}

/** Server sessions acting as alice (the impersonated one, while it lives). */
function aliceServerSessions(sim: OdooSim) {
  const alice = sim.state.userId('alice');
  return sim.state.liveSessions().filter((session) => session.uid === alice);
}

function sessionFrame(page: Page) {
  return page.getByTestId('impersonation-frame');
}

/** The Logs screen's row of the session with `reason`. */
async function logsRow(page: Page, reason: string) {
  await page.getByRole('navigation').getByRole('button', { name: label('app.nav.logs'), exact: true }).click();
  return page.getByRole('row').filter({ hasText: reason });
}

test('impersonates alice in an orange-framed view on its own in-memory partition, named in the title and the tray, until Stop in the banner', async ({
  sim,
  consoleRun: { app, page },
}) => {
  const reason = 'Ticket 4711: Alice cannot confirm her sales orders';
  const activeStatus = labelPattern('tray.statusActive', 'minutes', { name: ALICE });
  // Before the session: the probe sees only menus built from now on.
  await watchTrayMenus(app);
  await impersonateAlice(page, reason);

  // The Session screen: orange frame, banner with who and why.
  const banner = sessionBanner(page);
  await expect(banner.getByRole('heading', { name: label('session.banner.impersonating', { name: ALICE, login: 'alice' }) })).toBeVisible();
  await expect(banner).toContainText(reason);
  await expect(sessionFrame(page)).toBeVisible();
  await expect(sessionFrame(page)).toHaveCSS('border-left-color', 'rgb(249, 115, 22)');

  // The real view: the simulator's web client, where Odoo itself says it is alice.
  const view = await aliceView(app, sim);
  expect(aliceServerSessions(sim)).toHaveLength(1);
  // SS-4: its own partition, in memory only; the cookie there and not in the default session.
  const partition = await viewSessionFacts(app, view.id, sim.url);
  expect(partition).toMatchObject({ isDefaultSession: false, persistent: false, sessionCookies: { defaultSession: 0 } });
  expect(partition.sessionCookies.view).toBeGreaterThan(0);
  // Laid into the console's window inside the frame's view area, so it cannot cover the banner.
  const area = await page.getByRole('region', { name: label('session.view.label', { name: ALICE }) }).boundingBox();
  expect(area).not.toBeNull();
  await expect.poll(() => embeddedViews(app)).toEqual([expect.objectContaining({ contentsId: view.id, visible: true })]);
  const { bounds } = (await embeddedViews(app))[0]!;
  expect(bounds.width).toBeGreaterThan(0);
  expect(bounds.height).toBeGreaterThan(0);
  expect(bounds.x).toBeGreaterThanOrEqual(Math.floor(area!.x));
  expect(bounds.y).toBeGreaterThanOrEqual(Math.floor(area!.y));
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(Math.ceil(area!.x + area!.width));
  expect(bounds.y + bounds.height).toBeLessThanOrEqual(Math.ceil(area!.y + area!.height));

  // Outside the UI: the window title and the tray name her.
  await expect.poll(() => mainWindowTitle(app)).toBe(label('tray.windowTitleImpersonating', { name: ALICE }));
  await expect.poll(() => trayStatusLine(app)).toMatch(activeStatus);
  const minutes = Number(activeStatus.exec((await trayStatusLine(app)) ?? '')?.[1]);
  expect(minutes).toBeGreaterThanOrEqual(58);
  expect(minutes).toBeLessThanOrEqual(60);
  const menu = await trayMenu(app);
  expect(menu?.[0]).toMatchObject({ enabled: false }); // a status line, not an action
  expect(menu).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: 'stop', label: label('tray.stop'), enabled: true }),
      expect.objectContaining({ id: 'show', label: label('tray.show'), enabled: true }),
      expect.objectContaining({ id: 'quit', label: label('tray.quit'), enabled: true }),
    ]),
  );

  // Stop in the banner: the session ends here and on the server, and the view is gone.
  await banner.getByRole('button', { name: label('session.banner.stop'), exact: true }).click();
  await expect(page.getByRole('heading', { name: label('session.ended.title') })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: label('session.endCause.banner') })).toBeVisible();
  await expect(sessionFrame(page)).toHaveCount(0);
  await expect.poll(() => contentsOf(app, sim.url)).toEqual([]);
  expect(await embeddedViews(app)).toEqual([]);
  expect(sim.state.openImpersonateLogs()).toEqual([]);
  expect(sim.state.impersonateLogs()).toHaveLength(1);
  expect(aliceServerSessions(sim)).toEqual([]);
  await expect.poll(() => mainWindowTitle(app)).toBe(label('tray.windowTitle'));
  await expect.poll(() => trayStatusLine(app)).toBe(label('tray.statusIdle'));
  expect((await trayMenu(app))?.find((item) => item.id === 'stop')).toMatchObject({ enabled: false });

  // The Logs screen shows the session, its reason, and that the banner ended it.
  const row = await logsRow(page, reason);
  await expect(row).toBeVisible();
  await expect(row).toContainText(label('logs.endCause.banner'));
});

test('Stop impersonation in the tray menu ends the session here and on the server', async ({
  sim,
  consoleRun: { app, page },
}) => {
  await watchTrayMenus(app);
  await impersonateAlice(page, 'Ticket 4712: check the tray can end it');
  await aliceView(app, sim);
  await expect.poll(() => trayStatusLine(app)).toMatch(labelPattern('tray.statusActive', 'minutes', { name: ALICE }));

  await clickTrayItem(app, 'stop');

  await expect(page.getByRole('definition').filter({ hasText: label('session.endCause.tray') })).toBeVisible();
  await expect.poll(() => contentsOf(app, sim.url)).toEqual([]);
  expect(sim.state.openImpersonateLogs()).toEqual([]);
  expect(aliceServerSessions(sim)).toEqual([]);
  await expect.poll(() => trayStatusLine(app)).toBe(label('tray.statusIdle'));
});

test('keeps the view on the impersonated server: navigation to another origin and new windows are refused', async ({
  sim,
  consoleRun: { app, page },
}) => {
  await impersonateAlice(page, 'Ticket 4713: the view stays on this Odoo');
  const view = await aliceView(app, sim);
  const stillAlice: ContentsInfo[] = [{ id: view.id, url: `${sim.url}/odoo` }];

  // A script in the remote page sends it elsewhere: refused before it leaves.
  await evaluateIn(app, view.id, "location.href = 'https://example.invalid/'; 'asked'");
  await expect.poll(() => viewRefusals(app)).toContain('navigate https://example.invalid');
  expect(await contentsOf(app, sim.url)).toEqual(stillAlice);
  expect(await textIn(app, view.id, '#current-user')).toBe(ALICE);

  // window.open, to another origin and to its own: no window, no webContents (SS-6: denied, not opened elsewhere).
  // A user gesture, so that no popup blocker refuses it in the guard's place.
  await evaluateIn(app, view.id, "window.open('https://example.invalid/popup'); window.open(location.origin + '/odoo'); 'asked'", true);
  await expect
    .poll(() => viewRefusals(app))
    .toEqual(expect.arrayContaining(['new-window https://example.invalid', `new-window ${sim.url}`]));
  expect(await windowCount(app)).toBe(1);
  expect(await contentsOf(app, sim.url)).toEqual(stillAlice);
  expect((await allContents(app)).filter((contents) => contents.url.includes('example.invalid'))).toEqual([]);
  // The session carries on: still one active session, still open on the server.
  await expect(sessionBanner(page)).toBeVisible();
  expect(sim.state.openImpersonateLogs()).toHaveLength(1);
});

test('quitting during a session ends it on the server before the app exits, and the next start shows why it ended', async ({
  sim,
  consoleRun: { app, page, userDataDir },
}) => {
  const reason = 'Ticket 4714: quit while impersonating';
  await impersonateAlice(page, reason);
  await aliceView(app, sim);
  expect(sim.state.openImpersonateLogs()).toHaveLength(1);

  // Resolves when the process has exited: main ended the session first (FT-2).
  await app.close();
  expect(sim.state.openImpersonateLogs()).toEqual([]);
  expect(aliceServerSessions(sim)).toEqual([]);

  // The local audit recorded the end as a quit (AU-4), not as a crash found later.
  const again = await launchConsole({ userDataDir });
  try {
    const next = await again.firstWindow();
    await expect(next.locator('body[data-ready="true"]')).toBeAttached();
    const row = await logsRow(next, reason);
    await expect(row).toBeVisible();
    await expect(row).toContainText(label('logs.endCause.quit'));
  } finally {
    await again.close();
  }
});
