// Inside the banner: the Odoo page was refused something (a link elsewhere, its
// own Log out, a window), so the admin knows why nothing happened — or that the
// view went back to the last page, or, if it could not, that Stop ends it.
import { useTranslation } from 'react-i18next';
import type { ViewRefusal } from '../../../../src-preload/contract';

interface ViewRefusalNoticeProps {
  refusal: ViewRefusal;
  onDismiss(): void;
}

export function ViewRefusalNotice({ refusal, onDismiss }: ViewRefusalNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="session-banner-refusal" role="alert">
      <p>
        {t(`session.refused.${refusal.kind}`, { target: refusal.target })}{' '}
        <strong>{refusal.returned ? t(`session.refused.returned.${refusal.kind}`) : t('session.refused.notReturned')}</strong>
      </p>
      <button type="button" className="session-refusal-dismiss" onClick={onDismiss}>
        {t('session.refused.dismiss')}
      </button>
    </div>
  );
}
