// How the last impersonation ended: for whom, why, how long it lasted, and the way to its
// record in the Logs; and whether its end on the server is still pending (FT-3).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../src-preload/contract';
import { ConsoleCallError } from '../../../../src-preload/renderer-invokers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { useNavigation } from '../../stores/navigation-store';
import { durationText } from '../logs/labels';
import { sessionSeconds } from './countdown-format';
import { useArrivalFocus } from './use-arrival-focus';

export function SessionOutcome({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const go = useNavigation((state) => state.go);
  const heading = useRef<HTMLHeadingElement>(null);
  useArrivalFocus('ended', heading);
  const pending = view.serverEndPending;
  const seconds = sessionSeconds(view.startedAt, view.endedAt);
  const recordId = view.recordId;

  const openRecord = () => {
    if (!recordId) return;
    useLogs.getState().select(recordId); // the Logs open with its details
    go('logs');
  };

  return (
    <section className="screen session-outcome" aria-labelledby="session-outcome-title">
      <h1 id="session-outcome-title" ref={heading} tabIndex={-1}>
        {pending ? t('session.ended.pendingTitle') : t('session.ended.title')}
      </h1>
      {view.target && <p>{t('session.ended.summary', { name: view.target.name, login: view.target.login })}</p>}
      <dl className="session-facts">
        {view.endCause && (
          <div>
            <dt>{t('session.ended.causeLabel')}</dt>
            <dd>{t(`session.endCause.${view.endCause}`)}</dd>
          </div>
        )}
        {seconds !== null && (
          <div>
            <dt>{t('session.ended.duration')}</dt>
            <dd>{durationText(t, seconds)}</dd>
          </div>
        )}
        {view.reason && (
          <div>
            <dt>{t('session.banner.reason')}</dt>
            <dd className="session-facts-reason">{view.reason}</dd>
          </div>
        )}
      </dl>
      {pending && (
        <p className="session-pending" role="status">
          {t('session.ended.pending')}
        </p>
      )}
      {view.error && <ErrorMessage error={new ConsoleCallError(view.error)} />}
      <div className="actions">
        {recordId && (
          <Button variant="primary" onClick={openRecord}>
            {t('session.ended.showRecord')}
          </Button>
        )}
        <Button onClick={() => go('users')}>{t('session.toUsers')}</Button>
      </div>
    </section>
  );
}
