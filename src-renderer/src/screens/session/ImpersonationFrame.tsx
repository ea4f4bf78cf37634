// The thick orange frame and, inside it, the empty area where main lays the
// impersonated Odoo view (in the browser harness, the harness lays its proxied view
// there the same way, from the bounds reported to main).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportViewBounds } from './use-view-bounds';

export function ImpersonationFrame({ targetName, changesAllowed = false }: { targetName: string; changesAllowed?: boolean }) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  useReportViewBounds(area);
  return (
    <div className={changesAllowed ? 'impersonation-frame changes-allowed' : 'impersonation-frame'} data-testid="impersonation-frame">
      <div ref={area} className="impersonation-view-area" role="region" aria-label={t('session.view.label', { name: targetName })}>
        {/* This text lies under the view and shows only until Odoo paints. */}
        <p className="impersonation-view-note">{t('session.view.loading')}</p>
      </div>
    </div>
  );
}
