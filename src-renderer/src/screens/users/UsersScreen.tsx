// Users: find the person to impersonate. Every user is listed; those main says may
// not be impersonated are disabled with the reason. Impersonate asks for a reason.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../src-preload/contract';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReasonDialog, type ReasonTarget } from '../../components/ReasonDialog';
import { useConnections } from '../../stores/connection-store';
import { useNavigation } from '../../stores/navigation-store';
import { useSession } from '../../stores/session-store';
import { usersStore } from '../../stores/users-store';
import { UserList } from './UserList';
import { UserSearchBar } from './UserSearchBar';
import './users.css';

export function UsersScreen() {
  const { t } = useTranslation();
  const status = useConnections((state) => state.status);
  const refreshStatus = useConnections((state) => state.refreshStatus);
  const go = useNavigation((state) => state.go);
  const [target, setTarget] = useState<ReasonTarget | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  // Attempts left this minute, as main counts them, asked when the dialog opens.
  const [remaining, setRemaining] = useState<number | null>(null);
  const [statusError, setStatusError] = useState<unknown>(null);

  useEffect(() => {
    void refreshStatus().then((answer) => {
      if (answer === null) setStatusError(useConnections.getState().error);
    });
  }, [refreshStatus]);

  const connected = status?.connected === true;
  const connectionId = status?.connectionId ?? null;
  // Every visit (or another connection) lists afresh: eligibility may have changed on the server.
  useEffect(() => {
    if (connected) void usersStore.getState().search();
    else usersStore.getState().reset();
  }, [connected, connectionId]);

  if (!connected) {
    return (
      <section className="screen users-screen" aria-labelledby="users-title">
        <h1 id="users-title">{t('users.title')}</h1>
        <ErrorMessage error={statusError} />
        {status && (
          <div className="notice" role="status">
            <p>{t('users.notConnected')}</p>
            <button type="button" className="primary" onClick={() => go('connect')}>
              {t('users.goConnect')}
            </button>
          </div>
        )}
      </section>
    );
  }

  const onImpersonate = (user: UserRow) => {
    setStartError(null);
    setRemaining(null);
    setTarget({ id: user.id, name: user.name, login: user.login });
    consoleApi()
      .impersonation.attempts()
      .then((allowance) => setRemaining(allowance.remaining), () => setRemaining(null));
  };
  return (
    <section className="screen users-screen" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <UserSearchBar />
      <ErrorMessage error={startError} />
      <UserList onImpersonate={onImpersonate} />
      {target && (
        <ReasonDialog
          target={target}
          remainingAttempts={remaining}
          onClose={() => setTarget(null)}
          onConfirmed={(reason) => {
            // The allowed check was the attempt; this start completes it (main re-checks everything).
            const chosen = target;
            setTarget(null);
            useSession.getState().start(chosen.id, reason).catch(setStartError);
          }}
        />
      )}
    </section>
  );
}
