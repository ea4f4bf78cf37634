// The thick orange frame and, inside it, the empty area where main lays the
// impersonated Odoo view. In the browser harness there is no embedded view, and the
// area says so instead of pretending.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppTransport } from './use-app-transport';
import { useReportViewBounds } from './use-view-bounds';

export function ImpersonationFrame({ targetName }: { targetName: string }) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  const transport = useAppTransport();
  useReportViewBounds(area);
  return (
    <div className="impersonation-frame" data-testid="impersonation-frame">
      <div ref={area} className="impersonation-view-area" role="region" aria-label={t('session.view.label', { name: targetName })}>
        {/* In the desktop app this text lies under the view and shows only until Odoo paints. */}
        <p className="impersonation-view-note">
          {transport === 'harness' ? t('session.view.harnessPlaceholder') : t('session.view.loading')}
        </p>
      </div>
    </div>
  );
}
