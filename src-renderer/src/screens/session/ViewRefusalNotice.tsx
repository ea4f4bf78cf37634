// Inside the banner: the Odoo page was refused something (a link elsewhere, its
// own Log out, a window), so the admin knows why nothing happened — or that the
// view went back to the last page, or, if it could not, that Stop ends it. In a
// read-only session, a change Odoo tried to make: the method and model it would reach.
import { useTranslation } from 'react-i18next';
import type { ViewRefusal } from '../../../../src-preload/contract';

interface ViewRefusalNoticeProps {
  refusal: ViewRefusal;
  /** The impersonated user (a read-only refusal names her). */
  name: string;
  onDismiss(): void;
}

export function ViewRefusalNotice({ refusal, name, onDismiss }: ViewRefusalNoticeProps) {
  const { t } = useTranslation();
  // Read-only (issue 17): what the page would have changed, by method and model (or route).
  const call = refusal.call;
  const what = call ? (call.method && call.model ? `${call.method} · ${call.model}` : (call.method ?? call.route)) : '';
  return (
    <div className="session-banner-refusal" role="alert">
      <p>
        {t(`session.refused.${refusal.kind}`, { target: refusal.target, name })}{' '}
        {call && (
          <>
            <code className="session-refused-call">{what}</code>{' '}
          </>
        )}
        <strong>{refusal.returned ? t(`session.refused.returned.${refusal.kind}`) : t('session.refused.notReturned')}</strong>
      </p>
      <button type="button" className="session-refusal-dismiss" onClick={onDismiss}>
        {t('session.refused.dismiss')}
      </button>
    </div>
  );
}
