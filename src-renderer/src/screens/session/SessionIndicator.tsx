// A small orange pill, always in view while an impersonation runs or is still closing,
// whatever screen is shown; it leads back to the Session screen.
import { useTranslation } from 'react-i18next';
import { formatCountdown } from './countdown-format';
import { sessionInProgress } from './session-panel';
import { useNavigation } from '../../stores/navigation-store';
import { useSession } from '../../stores/session-store';
import './session-indicator.css';

export function SessionIndicator() {
  const { t } = useTranslation();
  const view = useSession((state) => state.view);
  const go = useNavigation((state) => state.go);
  if (!view || !sessionInProgress(view)) return null;

  const name = view.target?.name ?? '';
  const status =
    view.phase === 'active'
      ? t('session.indicator.active', { name, time: formatCountdown(view.secondsLeft) })
      : view.phase === 'starting'
        ? t('session.indicator.starting', { name })
        : view.serverEndPending
          ? t('session.indicator.pending', { name })
          : t('session.indicator.stopping', { name });
  return (
    <div role="status" className="session-indicator-status">
      <button
        type="button"
        className={view.warning ? 'session-indicator warning' : 'session-indicator'}
        title={t('session.indicator.open')}
        onClick={() => go('session')}
      >
        <span className="session-indicator-dot" aria-hidden="true" />
        {status}
      </button>
    </div>
  );
}
