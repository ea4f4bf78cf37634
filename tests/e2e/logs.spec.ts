// The Logs screen in Chromium through the harness, with no Odoo server at all:
// the audit store is seeded (tests/support/audit-seed, scenario "audit-demo")
// before the harness opens the data folder. Seven local records by admin and
// admin2 over four days (the server's copies of three of them mirrored), and two
// impersonations known only from the server: a session of another console ("lead",
// three server records, one row) and one made from Odoo's own menu.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { DISTINCTIVE_WORD, FORMULA_REASON } from '../support/audit-seed/demo-data';
import { expect, test } from './support/harness-fixture';

test.use({ harnessSeed: 'audit-demo', viewport: { width: 1280, height: 1500 } });

async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

async function downloaded(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}

test.describe('the Logs screen, offline, over a seeded audit store', () => {
  test('filters, searches, shows a record, exports CSV and draws the chart (English)', async ({ page, harness }) => {
    await openConsole(page, harness.url);
    await page.getByRole('button', { name: 'Logs' }).click();
    await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();

    // Offline: the chain and the last sync come from the local store, Sync says why it cannot run.
    await expect(page.getByText('Chain verified: 20 events, 7 records')).toBeVisible();
    await expect(page.locator('.chain-ok')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await expect(page.getByText("Offline: showing this computer's copy.")).toBeVisible();
    await expect(page.locator('.logs-last-sync')).toHaveText('Last synced 2 hours ago');

    const grid = page.getByRole('grid', { name: 'Audit records' });
    const rows = grid.locator('[role=row][aria-rowindex]:not([aria-rowindex="1"])');
    await expect(page.getByText('Records: 9')).toBeVisible();
    await expect(rows).toHaveCount(9);
    // One row per impersonation, with where it is known.
    await expect(rows.filter({ hasText: 'Dave Dawson' })).toContainText('Console entry');
    await expect(rows.filter({ hasText: 'Dave Dawson' })).toContainText('Server confirms');
    await expect(rows.filter({ hasText: 'Erin Evans' })).toContainText('Outside any console');
    await expect(rows.filter({ hasText: 'Bob Baker' }).filter({ hasText: 'time limit reached' })).toContainText('Recorded here');
    await expect(rows.filter({ hasText: DISTINCTIVE_WORD })).toContainText('Not on the server yet');

    // Filters: administrator, then outcome, then source.
    await page.getByLabel('Administrator', { exact: true }).fill('admin2');
    await expect(page.getByText('Records: 3')).toBeVisible();
    await page.getByLabel('Outcome', { exact: true }).selectOption('ended');
    await expect(page.getByText('Records: 2')).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText('admin2');
    await expect(rows.filter({ hasText: DISTINCTIVE_WORD })).toContainText('window closed');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Source', { exact: true }).selectOption('server');
    await expect(page.getByText('Records: 2')).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText('Laura Lead');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText('Records: 9')).toBeVisible();

    // Search for the distinctive word, open the record, then go back to the list.
    await page.getByRole('searchbox', { name: 'Search' }).fill(DISTINCTIVE_WORD.toLowerCase());
    await expect(page.getByText(`Records matching “${DISTINCTIVE_WORD.toLowerCase()}”: 1`)).toBeVisible();
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    const detail = page.getByRole('complementary', { name: 'Record details' });
    await expect(detail).toContainText(`Check the ${DISTINCTIVE_WORD} warehouse transfer permissions`);
    await expect(detail).toContainText('window closed');
    await expect(detail).toContainText('23 min');
    await expect(detail).toContainText('192.0.2.22');
    await expect(detail.getByRole('list', { name: 'Events' }).getByRole('listitem')).toHaveText([/Attempt/, /Server session opened/, /Started/, /Ended/]);
    await expect(detail).toContainText('Not on the server yet');
    await page.screenshot({ path: 'test-results/screenshots/logs-detail-en.png' });
    await detail.getByRole('button', { name: 'Close' }).click();
    await expect(detail).toBeHidden();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByText('Records: 9')).toBeVisible();

    // Export CSV of admin2's records: the file holds exactly them, the "=" reason made harmless.
    await page.getByLabel('Administrator', { exact: true }).fill('admin2');
    await expect(page.getByText('Records: 3')).toBeVisible();
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toMatch(/^audit-\d{8}-\d{6}\.csv$/);
    const csv = await downloaded(csvFile);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,source,admin,adminLogin,target,targetLogin,startedAt,endedAt,durationSeconds,reason,clientIp,serverIp,outcome,endCause,refusal,recordedHere,consoleEntry,odooLog,outsideConsole,serverAgreement,integrity',
    );
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.split(',')[3] === 'admin2')).toBe(true);
    expect(csv).toContain(`"'${FORMULA_REASON.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(DISTINCTIVE_WORD);
    await expect(page.getByText(`Export saved as ${csvFile.suggestedFilename()} — records: 3`)).toBeVisible();

    // Search within the filters: with admin2's filter still active, "zanzibar" finds admin2's one record.
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    await searchbox.fill('zanzibar');
    await expect(page.getByText('Records matching “zanzibar”: 1')).toBeVisible();
    await expect(page.getByText(/filters do not apply/i)).toHaveCount(0);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('admin2');
    await expect(rows.first()).toContainText(DISTINCTIVE_WORD);
    // The filters stay usable while searching: another administrator has no such record.
    const adminFilter = page.getByLabel('Administrator', { exact: true });
    await expect(adminFilter).toBeEnabled();
    await adminFilter.fill('Mitchell');
    await expect(page.getByText('Records matching “zanzibar”: 0')).toBeVisible();
    await expect(page.getByText('No records match this search with these filters.')).toBeVisible();
    await adminFilter.fill('admin2');
    await expect(page.getByText('Records matching “zanzibar”: 1')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/logs-search-filtered-en.png' });

    // Export while searching: the file holds exactly the searched rows, and nothing says otherwise.
    const searchedDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const searchedFile = await searchedDownload;
    const searchedLines = (await downloaded(searchedFile)).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(searchedLines).toHaveLength(2);
    expect(searchedLines[1]!.split(',')[3]).toBe('admin2');
    expect(searchedLines[1]).toContain(`Check the ${DISTINCTIVE_WORD} warehouse transfer permissions`);
    await expect(page.getByText(`Export saved as ${searchedFile.suggestedFilename()} — records: 1`)).toBeVisible();
    await expect(page.getByText(/not the search results/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // The chart: sessions that started, per day and admin, with a summary for screen readers.
    await page.getByRole('tab', { name: 'Per day' }).click();
    const chart = page.getByRole('img', { name: /^Impersonations per day from/ });
    await expect(chart).toHaveAttribute('aria-label', /6 in total, by admin, admin2, lead\. Busiest day: .+ with 2\./);
    await expect(chart.locator('rect')).toHaveCount(5);
    await expect(page.getByRole('list', { name: 'Administrators' }).getByRole('listitem')).toHaveText(['admin', 'admin2', 'lead']);
    await page.getByRole('heading', { name: 'Logs', level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/logs-en.png' });
  });

  test('says all of it in Spanish, with Spanish dates, and exports JSON', async ({ page, harness }) => {
    await openConsole(page, harness.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Registros' }).click();
    await expect(page.getByRole('heading', { name: 'Registros', level: 1 })).toBeVisible();

    await expect(page.getByText('Cadena verificada: 20 eventos, 7 registros')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sincronizar ahora' })).toBeDisabled();
    await expect(page.getByText('Sin conexión: se muestra la copia de este equipo.')).toBeVisible();
    await expect(page.locator('.logs-last-sync')).toHaveText('Última sincronización hace 2 horas');
    await expect(page.getByText('Registros: 9')).toBeVisible();

    const grid = page.getByRole('grid', { name: 'Registros de auditoría' });
    const rows = grid.locator('[role=row][aria-rowindex]:not([aria-rowindex="1"])');
    await page.getByLabel('Resultado', { exact: true }).selectOption('refused');
    await expect(page.getByText('Registros: 2')).toBeVisible();
    await expect(rows.filter({ hasText: 'alice' })).toContainText('Rechazado');
    await expect(rows.filter({ hasText: 'alice' })).toContainText('demasiados intentos');
    await expect(rows.filter({ hasText: 'pat' })).toContainText('un usuario del portal');
    // Day/month order and a 24-hour clock, as Spanish writes them: no AM/PM.
    const start = rows.filter({ hasText: 'pat' }).locator('.col-start');
    await expect(start).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{2},? \d{1,2}:\d{2}$/);
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await expect(page.getByText('Registros: 9')).toBeVisible();

    // Dates are typed the way Spanish writes them (dd/mm/aaaa), whatever the browser's own locale.
    const from = page.getByLabel('Desde', { exact: true });
    await expect(from).toHaveAttribute('placeholder', 'dd/mm/aaaa');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await from.fill(`${pad(twoDaysAgo.getDate())}/${pad(twoDaysAgo.getMonth() + 1)}/${twoDaysAgo.getFullYear()}`);
    await expect(page.getByText('Registros: 4')).toBeVisible();
    await from.fill('31/02/2026');
    await from.blur();
    await expect(page.getByText('No es una fecha: escríbala como dd/mm/aaaa.')).toBeVisible();
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Registros: 9')).toBeVisible();
    await from.fill('');
    await from.blur();

    await page.getByRole('searchbox', { name: 'Buscar' }).fill(DISTINCTIVE_WORD);
    await expect(page.getByText(`Registros que coinciden con «${DISTINCTIVE_WORD}»: 1`)).toBeVisible();
    await rows.first().click();
    const detail = page.getByRole('complementary', { name: 'Detalles del registro' });
    await expect(detail).toContainText('ventana cerrada');
    await expect(detail.getByRole('list', { name: 'Eventos' }).getByRole('listitem')).toHaveText([/Intento/, /Sesión abierta en el servidor/, /Iniciado/, /Terminado/]);
    await expect(detail).toContainText('Aún no en el servidor');
    await page.screenshot({ path: 'test-results/screenshots/logs-detail-es.png' });
    await detail.getByRole('button', { name: 'Cerrar' }).click();
    await page.getByRole('button', { name: 'Borrar búsqueda' }).click();
    await expect(page.getByText('Registros: 9')).toBeVisible();

    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportar JSON' }).click();
    const jsonFile = await jsonDownload;
    expect(jsonFile.suggestedFilename()).toMatch(/^audit-\d{8}-\d{6}\.json$/);
    const exported = JSON.parse(await downloaded(jsonFile)) as { rows: Array<{ reason: string | null; source: string }> };
    expect(exported.rows).toHaveLength(9);
    expect(exported.rows.filter((row) => row.source === 'server')).toHaveLength(2);
    expect(exported.rows.map((row) => row.reason)).toContain(FORMULA_REASON);

    await page.getByRole('tab', { name: 'Por día' }).click();
    const chart = page.getByRole('img', { name: /^Suplantaciones por día del/ });
    await expect(chart).toHaveAttribute('aria-label', /6 en total, de admin, admin2, lead\./);
    await expect(chart.locator('rect')).toHaveCount(5);
    await page.screenshot({ path: 'test-results/screenshots/logs-es.png' });
  });
});
