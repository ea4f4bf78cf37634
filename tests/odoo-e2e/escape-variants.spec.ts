// Issue 11.9 — the view's two locks, proved in real Chromium against the real Odoo
// (AZ-5, AZ-6, SS-6, AU-1, AU-4), through the harness, whose view proxy applies the
// desktop view's own rules (decideRequest) and answers 403 where the desktop view cancels:
// 1. the request policy: every spelling of a session switch (tests/support/escape-
//    variants.ts) is sent from INSIDE the framed Odoo page, as its script would — fetch
//    with a string and a Blob body, sendBeacon, a link or a form post in a subframe —
//    and each is refused; the server then says the view's session is still bob
//    impersonated by the admin, and no impersonate.log row appeared;
// 2. the proof that part 1 can fail, and the tripwire: with the harness's test-only hole
//    in the policy (--test-only-policy-bypass, tests/support only, never packaged; a
//    request must carry the open view's random token to use it), the page runs the quick
//    switch — Back to Original User spelled as one of the refused variants, then bob
//    again. Part 1's own judge flags both sends and part 1's row check finds the new row,
//    while the session ends where it began (an identity check alone sees nothing); the
//    tripwire ends the session as "tampered": the alarm where the banner stood and in a
//    notice, the local record's end cause and finding, a WARNING in ir.logging.
// One session for all of it (2 cores, CI time). Target bob: the other real-server specs
// use alice and carol; only rows of this session are asserted on. Screenshots of the
// outcome in English (and, on 18, Spanish) land in test-results/screenshots/.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import type { AuditDetail, AuditPage, ConsoleBridge } from '../../src-preload/contract';
import { ESCAPE_VARIANTS } from '../support/escape-variants';
import { POLICY_BYPASS_HEADER } from '../support/harness/view-proxy-bypass';
import type { ProxiedRequest } from '../support/harness/view-proxy';
import { expect, test } from '../e2e/support/harness-fixture';
import { translator } from '../e2e/support/locale-text';
import { ESCAPE_TARGET, NO_SERVER, realOdoo, ServerAsAdmin, version } from './support/real-odoo';
import { impersonateThroughBridge } from './support/bridge';
import { navigateSubframe, quickSwitchSends, sendFromPage, sendsOf, type PageSend, type PageSent } from './support/page-script';
import { readProxiedRequests } from './support/request-shapes';
import { odooView, waitForWebClient } from './support/webclient';

const recording = path.join(os.tmpdir(), `escape-variants-${version}-${process.pid}-${Date.now()}.jsonl`);

test.skip(realOdoo === null, NO_SERVER);
test.use({ harnessArgs: ['--expose-session-cookie', '--test-only-policy-bypass', '--record-view-requests', recording] });
test.setTimeout(300_000);

const reason = `Ticket 4712-${Date.now().toString(36)}: Bob's page may run foreign script`;

/** Connects and starts as bob through the page's bridge (the main flow spec drives the screens). */
const impersonateBob = (page: Page) => impersonateThroughBridge(page, ESCAPE_TARGET.login, reason);

/** The view iframe's frame: where the Odoo page's own script runs. */
async function odooFrame(page: Page): Promise<Frame> {
  const frame = await (await page.getByTestId('harness-view').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the harness view has no frame');
  return frame;
}

/** The requests the view proxy decided on (and, test-only, let through undecided), as it recorded them. */
function proxied(): ProxiedRequest[] {
  return existsSync(recording) ? readProxiedRequests(recording) : [];
}

/** How many requests the proxy refused as a session switch, for this method and exact path. */
function refusedCount(send: PageSend): number {
  return proxied().filter((seen) => seen.method === send.method && seen.path === send.path && seen.refusal === 'session-switch').length;
}

/** Waits (up to 10 s) for the proxy to record one more refusal of this request. */
async function refusedOnce(send: PageSend, before: number): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const now = refusedCount(send);
    if (now > before) return now === before + 1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Sends one from inside the page and answers how it was not refused, or null when the
 * view proxy refused it as a session switch: fetch sees the 403 and the refusal header;
 * a beacon or a subframe's navigation sees nothing, so the proxy's own record must say
 * it refused that request. The one judge for both halves of the spec: the variants must
 * all give null, the switch past the policy must not (the proof that this can fail).
 */
async function notRefused(frame: Frame, send: PageSend): Promise<{ escaped: string | null; sent: PageSent | null }> {
  const label = `${send.variant} [${send.transport}]`;
  const before = refusedCount(send);
  let sent: PageSent;
  try {
    sent = await sendFromPage(frame, send);
  } catch (error) {
    // The frame is gone: a send before this one switched the session and the tripwire closed the view.
    return { sent: null, escaped: `${label}: the page is gone, the view was closed (${String(error).split('\n')[0]})` };
  }
  if (send.transport === 'fetch' || send.transport === 'fetch-blob') {
    const refused = sent.status === 403 && sent.refusal === 'session-switch';
    return { sent, escaped: refused ? null : `${label}: answered ${sent.status ?? 'nothing'} (${sent.refusal ?? 'not refused'})${sent.error ? ` ${sent.error}` : ''}` };
  }
  if (sent.error !== null || sent.queued === false) return { sent, escaped: `${label}: the page could not send it (${sent.error ?? 'beacon not queued'})` };
  return { sent, escaped: (await refusedOnce(send, before)) ? null : `${label}: not refused by the proxy` };
}

async function sessionPhase(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
    const state = await api.impersonation.current();
    return state.ok ? state.value.phase : null;
  });
}

async function localRecord(page: Page): Promise<{ row: AuditPage['rows'][number] | undefined; detail: AuditDetail | null }> {
  return page.evaluate(async (reason) => {
    const api = (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi;
    const found = await api.audit.search({ text: reason.slice(0, 40), filters: { source: 'local' }, page: 0, pageSize: 20 });
    const row = found.ok ? found.value.rows.find((candidate) => candidate.reason === reason && candidate.outcome !== 'refused') : undefined;
    const detail = row ? await api.audit.session({ id: row.id }) : null;
    return { row, detail: detail?.ok ? detail.value : null };
  }, reason);
}

test(`Odoo ${version}: every escape variant sent by the framed page is refused, and a switch past the policy ends the session as tampered`, async ({ page, harness }) => {
  const odoo = realOdoo!;
  const t = translator('en');
  const server = await ServerAsAdmin.open(odoo);
  try {
    expect(await server.majorVersion(), 'ODOO_E2E_VERSION names the server it runs against').toBe(version);
    const bob = await server.target(ESCAPE_TARGET.login);
    const admin = await server.target(odoo.admin.login);
    const beforeStart = await server.lastLogRowId();

    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await impersonateBob(page);
    const banner = page.getByRole('region', { name: t('session.banner.label') });
    await expect(banner.getByRole('heading', { name: t('session.banner.impersonating', { name: ESCAPE_TARGET.name, login: ESCAPE_TARGET.login }) })).toBeVisible({ timeout: 60_000 });
    await waitForWebClient(odooView(page));
    const frame = await odooFrame(page);

    const sessionId = readFileSync(path.join(harness.dataDir, 'test-only-session-cookie.txt'), 'utf8').trim();
    const impersonated = { uid: bob.id, impersonateFromUid: admin.id };
    expect(await server.sessionIdentity(sessionId), 'the view starts as bob impersonated by the admin').toEqual(impersonated);
    // The console's own row is the one row since the start; the mark is taken after it.
    const ownRows = await server.logRowsAbove(beforeStart);
    expect(ownRows.filter((row) => (row.impersonated_partner_id as [number, string])[0] === bob.partnerId)).toHaveLength(1);
    const mark = await server.lastLogRowId();

    // 1. Every variant, by every transport that can carry it, from inside the page.
    const values = { db: odoo.database, login: ESCAPE_TARGET.login, password: ESCAPE_TARGET.password, adminUid: admin.id };
    const sends = ESCAPE_VARIANTS.flatMap((variant) => sendsOf(variant, values));
    const escaped: string[] = [];
    for (const send of sends) {
      const outcome = await notRefused(frame, send);
      if (outcome.escaped !== null) escaped.push(outcome.escaped);
      if (outcome.sent === null) break;
    }
    expect(escaped, 'every send refused as a session switch by the view proxy').toEqual([]);
    // With the switch on, nothing went through undecided: a request without the token is the policy's to judge.
    expect(proxied().filter((seen) => seen.bypassed), 'no request was let through by the test-only bypass').toEqual([]);
    test.info().annotations.push({ type: 'escape variants', description: `${ESCAPE_VARIANTS.length} variants, ${sends.length} sends from the page, all refused` });

    // The server's word: still bob impersonated by the admin, and no new row for bob or the
    // admin (the only users the variants name) since the mark.
    const named = new Set([bob.partnerId, admin.partnerId]);
    const newRowsNamingThem = async () => (await server.logRowsAbove(mark)).filter((row) => named.has((row.impersonated_partner_id as [number, string])[0]));
    expect(await server.sessionIdentity(sessionId), 'the view is still bob impersonated by the admin').toEqual(impersonated);
    expect(await newRowsNamingThem(), 'no impersonate.log row since the variants began').toEqual([]);

    // The tripwire agrees: a navigation makes it read the server at once; the session goes on.
    // Nothing shows a reading that found all well, so the test gives it 1.5 s (a reading takes
    // two round trips to a local server) before asking; the next one comes 5 s after it.
    await navigateSubframe(frame, '/web/health');
    await page.waitForTimeout(1_500);
    expect(await sessionPhase(page)).toBe('active');
    await expect(banner).toBeVisible();

    // 2. The proof that the checks above can fail: the same judge, given a switch past the
    // policy (the harness's test-only bypass), says it got through, and so does the server's
    // log. The quick switch — Back to Original User spelled as one of the variants just
    // refused, then bob again — runs right after that reading, so that the next one (at
    // most 5 s later) finds it ended where it began.
    const token = readFileSync(path.join(harness.dataDir, 'test-only-policy-bypass.txt'), 'utf8').trim();
    const spelled = ESCAPE_VARIANTS.find((variant) => variant.name === 'method value back\\u005fto_origin_login')!;
    const switchSends = quickSwitchSends(spelled, { ...values, targetUid: bob.id }, { header: POLICY_BYPASS_HEADER, token });
    const switched: { escaped: string | null; sent: PageSent | null }[] = [];
    for (const send of switchSends) switched.push(await notRefused(frame, send));
    expect(switched.map((outcome) => outcome.escaped === null), 'the judge of part 1 flags both sends of the switch').toEqual([false, false]);
    for (const { sent } of switched) {
      expect(sent?.status, 'the bypassed send reached Odoo').toBe(200);
      expect(JSON.parse(sent?.answer ?? '{}'), 'Odoo acted on it').toHaveProperty('result');
    }
    expect(proxied().filter((seen) => seen.bypassed).map((seen) => seen.path), 'exactly the two sends went through undecided').toEqual(switchSends.map((send) => send.path));
    // Ended where it began: the identity check of part 1 would see nothing; the row check does.
    expect(await server.sessionIdentity(sessionId), 'the quick switch ends as bob impersonated by the admin').toEqual(impersonated);
    const switchRows = await newRowsNamingThem();
    expect(switchRows, 'the row check of part 1 would fail: the quick switch left one new row, for bob').toHaveLength(1);
    const switchRow = switchRows[0]!;
    expect((switchRow.impersonated_partner_id as [number, string])[0]).toBe(bob.partnerId);

    // The tripwire ends it as tampered: the alarm where the banner stood, and a notice.
    await expect(page.getByRole('heading', { name: t('session.ended.tamperedTitle') })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(t('session.tampered.ended', { name: ESCAPE_TARGET.name, login: ESCAPE_TARGET.login }))).toBeVisible();
    await expect(page.getByText(t('session.tampered.notice', { name: ESCAPE_TARGET.name }))).toBeVisible();
    await expect(page.getByText(t('session.endCause.tampered'))).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('harness-view')).toHaveCount(0);
    await page.screenshot({ path: `test-results/screenshots/odoo-${version}-en-escape-tampered.png` });

    // The local record: ended as tampered, with what was found. The switch runs well inside
    // one 5 s interval, so the reading after it finds bob's new row; a reading that fell
    // between its two calls would see the admin's uid instead — caught either way, and said.
    const byRow = `tampered: impersonate.log row ${switchRow.id as number} `;
    const midSwitch = `tampered: the server says the view's session is uid ${admin.id}, impersonated from nobody`;
    const caughtBy = (text: string) => (text.includes(byRow) ? 'its impersonate.log row' : text.includes(midSwitch) ? "the session's identity, mid-switch" : null);
    await expect.poll(async () => (await localRecord(page)).row?.endCause, { timeout: 15_000 }).toBe('tampered');
    const { detail } = await localRecord(page);
    const caught = caughtBy(JSON.stringify(detail?.events ?? []));
    expect(caught, 'the local record says what the tripwire found').not.toBeNull();
    test.info().annotations.push({ type: 'tripwire', description: `the quick switch was caught by ${caught}` });

    // The server: the session destroyed by the console's stop, and the WARNING entry in ir.logging.
    await expect.poll(() => server.sessionIdentity(sessionId), { timeout: 15_000 }).toBeNull();
    const entries = await expect
      .poll(async () => (await server.consoleEntries(reason)).filter((entry) => entry.func === 'tampered'), { timeout: 15_000 })
      .toHaveLength(1)
      .then(() => server.consoleEntries(reason));
    const warning = entries.find((entry) => entry.func === 'tampered')!;
    expect(warning.level).toBe('WARNING');
    const message = JSON.parse(String(warning.message)) as { endCause: string; detail: string; target: { login: string } };
    expect(message).toMatchObject({ endCause: 'tampered', target: { login: ESCAPE_TARGET.login } });
    expect(caughtBy(message.detail), "ir.logging says what the local record says").toBe(caught);
    for (const entry of entries) expect(String(entry.message)).not.toContain(sessionId);

    // Looked at in Spanish too (18 only): the same outcome, the language switched in Settings.
    if (version === '18') {
      const es = translator('es');
      await page.evaluate(async () => {
        await (globalThis as unknown as { consoleApi: ConsoleBridge }).consoleApi.settings.set({ language: 'es' });
      });
      await expect(page.getByRole('heading', { name: es('session.ended.tamperedTitle') })).toBeVisible();
      await expect(page.getByText(es('session.tampered.ended', { name: ESCAPE_TARGET.name, login: ESCAPE_TARGET.login }))).toBeVisible();
      await expect(page.getByText(es('session.tampered.notice', { name: ESCAPE_TARGET.name }))).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/odoo-${version}-es-escape-tampered.png` });
    }
  } finally {
    await server.close();
  }
});
