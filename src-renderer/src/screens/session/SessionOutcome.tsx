// How the last impersonation ended, and whether its end on the server is still pending (FT-3).
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../src-preload/contract';
import { ConsoleCallError } from '../../../../src-preload/renderer-invokers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNavigation } from '../../stores/navigation-store';

export function SessionOutcome({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const go = useNavigation((state) => state.go);
  const pending = view.serverEndPending;
  // The tripwire ended it: the alarm leads, where the banner stood, before anything else.
  const tampered = view.endCause === 'tampered';
  return (
    <section className={tampered ? 'screen session-outcome tampered' : 'screen session-outcome'} aria-labelledby="session-outcome-title">
      <h1 id="session-outcome-title">
        {tampered ? t('session.ended.tamperedTitle') : pending ? t('session.ended.pendingTitle') : t('session.ended.title')}
      </h1>
      {tampered && view.error && <ErrorMessage error={new ConsoleCallError(view.error)} />}
      {view.target && <p>{t('session.ended.summary', { name: view.target.name, login: view.target.login })}</p>}
      {view.endCause && (
        <p className="session-end-cause">{t('session.ended.cause', { cause: t(`session.endCause.${view.endCause}`) })}</p>
      )}
      {view.reason && (
        <p>
          <span className="session-banner-caption">{t('session.banner.reason')}</span> {view.reason}
        </p>
      )}
      {pending && (
        <p className="session-pending" role="status">
          {t('session.ended.pending')}
        </p>
      )}
      {!tampered && view.error && <ErrorMessage error={new ConsoleCallError(view.error)} />}
      <button type="button" onClick={() => go('users')}>
        {t('session.toUsers')}
      </button>
    </section>
  );
}
