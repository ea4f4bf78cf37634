// Inside the banner (issue 17): whether the page may change the user's data. Read-only
// by default, with "Allow changes…" to unlock it on the record; once allowed (or when
// the connection allows changes from the start) it says so, and the banner and frame
// turn a stronger colour (SessionScreen). Main decides; this only shows its answer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../src-preload/contract';
import { Button } from '../../components/ui';
import { AllowChangesDialog } from './AllowChangesDialog';

export function SessionAccess({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const name = view.target?.name ?? '';
  if (!view.changes) return null;
  if (view.changes.allowed) {
    return (
      <div className="session-access allowed" data-testid="session-access">
        <span className="session-access-badge">{t('session.changes.allowedBadge')}</span>
        <span>{view.changes.fromStart ? t('session.changes.allowedFromStart', { name }) : t('session.changes.allowedDuring', { name })}</span>
      </div>
    );
  }
  return (
    <div className="session-access read-only" data-testid="session-access">
      <span className="session-access-badge">{t('session.changes.readOnlyBadge')}</span>
      <span>{t('session.changes.readOnly', { name })}</span>
      <Button size="sm" className="session-allow-changes" onClick={() => setAsking(true)}>
        {t('session.changes.allow')}
      </Button>
      {asking && <AllowChangesDialog name={name} onClose={() => setAsking(false)} />}
    </div>
  );
}
