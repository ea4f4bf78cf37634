// The banner above the impersonated view: who, why, how long is left, and Stop.
// Drawn by our renderer outside the view's bounds, so the remote page cannot hide it.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, ViewRefusal } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button, classNames } from '../../components/ui';
import { ClampedReason } from './ClampedReason';
import { formatCountdown, minutesLeft } from './countdown-format';
import { useArrivalFocus } from './use-arrival-focus';
import { SessionAccess } from './SessionAccess';
import { ViewRefusalNotice } from './ViewRefusalNotice';

interface SessionBannerProps {
  view: SessionView;
  stopRequested: boolean;
  stopError: unknown;
  onStop(): void;
  refusal?: ViewRefusal | null;
  onDismissRefusal?(): void;
}

export function SessionBanner({ view, stopRequested, stopError, onStop, refusal = null, onDismissRefusal = () => {} }: SessionBannerProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useArrivalFocus('banner', heading);
  const stopping = stopRequested || view.phase === 'stopping';
  return (
    <section
      className={classNames('session-banner', view.warning && 'warning', view.changes?.allowed && 'changes-allowed')}
      aria-label={t('session.banner.label')}
    >
      <div className="session-banner-who">
        <h1 className="session-banner-title" ref={heading} tabIndex={-1}>
          {t('session.banner.impersonating', { name: view.target?.name ?? '', login: view.target?.login ?? '' })}
        </h1>
        {view.reason && <ClampedReason reason={view.reason} captionClass="session-banner-caption" />}
      </div>
      <div className="session-banner-time">
        <span className="session-banner-caption" id="session-time-left">
          {t('session.banner.timeLeft')}
        </span>
        {/* role=timer is not announced every second; the warning below is, once. */}
        <span className="session-countdown" role="timer" aria-labelledby="session-time-left">
          {formatCountdown(view.secondsLeft)}
        </span>
      </div>
      <Button className="session-stop" onClick={onStop} busy={stopping}>
        {stopping ? t('session.banner.stopping') : t('session.banner.stop')}
      </Button>
      {view.warning && (
        <p className="session-banner-warning" role="alert">
          {t('session.banner.warning', { count: minutesLeft(view.secondsLeft) })}
        </p>
      )}
      <SessionAccess view={view} />
      {refusal && <ViewRefusalNotice refusal={refusal} name={view.target?.name ?? ''} onDismiss={onDismissRefusal} />}
      <ErrorMessage error={stopError} />
    </section>
  );
}
