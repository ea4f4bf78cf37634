// The banner tells the admin when the embedded Odoo page was refused something
// (issue 19, finding 8): main pushes viewRefused; here it is pushed into the
// harness's socket as main would send it, since the harness has no embedded view.
// English and Spanish, with screenshots.
import type { WebSocketRoute } from '@playwright/test';
import type { ViewRefusal } from '../../src-preload/contract';
import { expect, test } from './support/harness-fixture';
import { simulatorServer, startThroughBridge } from '../support/bridge-start';

test.use({ harnessArgs: ['--odoo-sim'] });

const texts = {
  en: {
    banner: 'Impersonation in progress',
    logout: 'The Odoo page tried to log out or to switch users. Only Stop ends this impersonation, so the console blocked it. The view went back to the last page.',
    elsewhere: 'The Odoo page tried to open https://evil.test, outside this Odoo server. The console blocked it. You are still on the same page.',
    stuck: 'The view could not go back to Odoo: use Stop to end the impersonation.',
    dismiss: 'Dismiss',
  },
  es: {
    banner: 'Suplantación en curso',
    logout: 'La página de Odoo intentó cerrar la sesión o cambiar de usuario. Solo Detener termina esta suplantación, así que la consola lo bloqueó. La vista volvió a la última página.',
    elsewhere: 'La página de Odoo intentó abrir https://evil.test, fuera de este servidor Odoo. La consola lo bloqueó. Sigue en la misma página.',
    stuck: 'La vista no pudo volver a Odoo: use Detener para terminar la suplantación.',
    dismiss: 'Descartar',
  },
} as const;

const REASON = 'Ticket 4711: Alice cannot confirm her sales orders';

for (const language of ['en', 'es'] as const) {
  test(`the banner says what the page was refused, and that Stop ends it (${language})`, async ({ page, harness }) => {
    let socket: WebSocketRoute | null = null;
    await page.routeWebSocket(/\/ws/, (route) => {
      route.connectToServer();
      socket = route;
    });
    const push = (refusal: ViewRefusal) => socket!.send(JSON.stringify({ event: 'event:view-refused', payload: refusal }));
    await page.goto(harness.url);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await startThroughBridge(page, { server: simulatorServer(harness.odooUrl!), targetLogin: 'alice', reason: REASON, language });
    const banner = page.getByRole('region', { name: texts[language].banner });
    await expect(banner).toBeVisible();
    const origin = new URL(harness.odooUrl!).origin;

    push({ kind: 'session-switch', target: origin, returned: true });
    await expect(banner.getByRole('alert')).toHaveText(new RegExp(escape(texts[language].logout)));
    await page.screenshot({ path: `test-results/screenshots/session-refused-logout-${language}.png` });

    push({ kind: 'navigate', target: 'https://evil.test', returned: true });
    await expect(banner.getByRole('alert')).toHaveText(new RegExp(escape(texts[language].elsewhere)));

    push({ kind: 'session-switch', target: origin, returned: false });
    await expect(banner.getByRole('alert')).toContainText(texts[language].stuck);
    await page.screenshot({ path: `test-results/screenshots/session-refused-stuck-${language}.png` });

    await banner.getByRole('button', { name: texts[language].dismiss }).click();
    await expect(banner.getByRole('alert')).toHaveCount(0);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
