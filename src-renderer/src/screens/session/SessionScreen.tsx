// The Session screen: the running impersonation inside its orange frame and banner,
// or what main says about the session otherwise. Everything shown comes from main.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session-store';
import { ImpersonationFrame } from './ImpersonationFrame';
import { SessionBanner } from './SessionBanner';
import { SessionOutcome } from './SessionOutcome';
import { sessionPanel } from '../../stores/session-panel';
import { NoSession, SessionClosing, SessionOpening } from './SessionProgress';
import './session.css';

export function SessionScreen() {
  const { t } = useTranslation();
  const view = useSession((state) => state.view);
  const stopRequested = useSession((state) => state.stopRequested);
  const stopError = useSession((state) => state.stopError);
  const loadError = useSession((state) => state.loadError);
  const stop = useSession((state) => state.stop);
  const load = useSession((state) => state.load);
  const viewRefusal = useSession((state) => state.viewRefusal);
  const dismissRefusal = useSession((state) => state.dismissRefusal);

  // Pushes keep the store current (followSession); reading once more on arrival costs one
  // call and covers a UI that opened before main could answer.
  useEffect(() => {
    void load();
  }, [load]);

  const panel = sessionPanel(view);
  if (panel === 'loading' && !loadError) return <p className="screen">{t('app.loading')}</p>;
  if (panel === 'loading' || panel === 'idle' || view === null) return <NoSession view={view} loadError={loadError} />;
  if (panel === 'starting') return <SessionOpening view={view} />;
  if (panel === 'stopping') return <SessionClosing view={view} />;
  if (panel === 'ended' || panel === 'server-end-pending') return <SessionOutcome view={view} />;
  return (
    <div className="session-screen">
      <SessionBanner
        view={view}
        stopRequested={stopRequested}
        stopError={stopError}
        onStop={() => void stop()}
        refusal={viewRefusal}
        onDismissRefusal={dismissRefusal}
      />
      <ImpersonationFrame targetName={view.target?.name ?? ''} changesAllowed={view.changes?.allowed ?? false} />
    </div>
  );
}
