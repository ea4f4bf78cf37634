// A small orange pill, always in view while an impersonation runs or is still closing,
// whatever screen is shown; it leads back to the Session screen. Two short lines (what
// is happening, then who and the time left) so that it never wraps into a paragraph.
import { useTranslation } from 'react-i18next';
import { formatCountdown } from './countdown-format';
import { sessionInProgress } from '../../stores/session-panel';
import { useNavigation } from '../../stores/navigation-store';
import { useSession } from '../../stores/session-store';
import { classNames } from '../../components/ui';
import './session-indicator.css';

export function SessionIndicator() {
  const { t } = useTranslation();
  const view = useSession((state) => state.view);
  const go = useNavigation((state) => state.go);
  if (!view || !sessionInProgress(view)) return null;

  const name = view.target?.name ?? '';
  const state =
    view.phase === 'active'
      ? t('session.indicator.active')
      : view.phase === 'starting'
        ? t('session.indicator.starting')
        : view.serverEndPending
          ? t('session.indicator.pending')
          : t('session.indicator.stopping');
  const time = view.phase === 'active' ? formatCountdown(view.secondsLeft) : null;
  return (
    <div role="status" className="session-indicator-status">
      <button
        type="button"
        className={classNames('session-indicator', view.warning && 'warning')}
        title={t('session.indicator.open')}
        onClick={() => go('session')}
      >
        <span className="session-indicator-line session-indicator-state">
          <span className="session-indicator-dot" aria-hidden="true" />
          {state}
        </span>{' '}
        <span className="session-indicator-line">
          <span className="session-indicator-name">{name}</span>{' '}
          {time && <span className="session-indicator-time">{time}</span>}
        </span>
      </button>
    </div>
  );
}
