// Users: find the person to impersonate. Every user is listed; those main says may
// not be impersonated are disabled with the reason. Impersonate asks for a reason.
// While an impersonation starts or runs, nothing here can start a second one. A start
// refused because the server no longer trusts this computer for two-factor sign-in
// offers the way on: Connect signs in again and asks for a new code.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../src-preload/contract';
import { ConsoleCallError } from '../../../../src-preload/renderer-invokers';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReasonDialog, type ReasonTarget } from '../../components/ReasonDialog';
import { Button, Notice } from '../../components/ui';
import { useConnections } from '../../stores/connection-store';
import { useNavigation } from '../../stores/navigation-store';
import { useSession } from '../../stores/session-store';
import { usersStore } from '../../stores/users-store';
import { sessionInProgress } from '../../stores/session-panel';
import { UserList } from './UserList';
import { UserSearchBar } from './UserSearchBar';
import './users.css';

export function UsersScreen() {
  const { t } = useTranslation();
  const status = useConnections((state) => state.status);
  const refreshStatus = useConnections((state) => state.refreshStatus);
  const go = useNavigation((state) => state.go);
  const view = useSession((state) => state.view);
  const [target, setTarget] = useState<ReasonTarget | null>(null);
  // From the confirmed reason until main answers the start (main's first push may come later).
  const [starting, setStarting] = useState<string | null>(null);
  // Only a start refused for want of a two-factor code is said here, with the way on;
  // every other refusal stays in the reason dialog.
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
          <Notice role="status">
            <p>{t('users.notConnected')}</p>
            <div className="actions">
              <Button variant="primary" onClick={() => go('connect')}>
                {t('users.goConnect')}
              </Button>
            </div>
          </Notice>
        )}
      </section>
    );
  }

  const running = sessionInProgress(view);
  const busy = running || starting !== null;
  const onImpersonate = (user: UserRow) => {
    setStartError(null);
    setRemaining(null);
    setTarget({ id: user.id, name: user.name, login: user.login });
    consoleApi()
      .impersonation.attempts()
      .then((allowance) => setRemaining(allowance.remaining), () => setRemaining(null));
  };
  return (
    <section className="screen screen-fill users-screen" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <UserSearchBar />
      <SessionBusyNotice startingName={starting} />
      <ErrorMessage error={startError} />
      {needsNewCode(startError) && connectionId !== null && (
        <div className="actions">
          <Button
            variant="primary"
            onClick={() => {
              setStartError(null);
              go('connect');
              // Signing in again meets the refused trusted device: Connect asks for a code, saying why.
              void useConnections.getState().connect({ id: connectionId });
            }}
          >
            {t('users.enterCode')}
          </Button>
        </div>
      )}
      <UserList busy={busy} onImpersonate={onImpersonate} />
      {target && (
        <ReasonDialog
          target={target}
          remainingAttempts={remaining}
          onClose={() => setTarget(null)}
          onConfirm={async (reason) => {
            // One call: main applies every rule, records the attempt and starts (issue 13).
            // A refusal stays in the dialog, but for a missing two-factor code: said here with
            // the way on. Once started, the Session screen comes forward.
            const chosen = target;
            setStarting(chosen.name);
            try {
              await useSession.getState().start(chosen.id, reason);
              setTarget(null);
            } catch (error) {
              if (!needsNewCode(error)) throw error;
              setTarget(null);
              setStartError(error);
            } finally {
              setStarting(null);
            }
          }}
        />
      )}
    </section>
  );
}

/** The start was refused for want of a two-factor code (SS-11). */
function needsNewCode(error: unknown): boolean {
  return error instanceof ConsoleCallError && error.key === 'rules.reconnectWithCode';
}

/** Why the Impersonate buttons are disabled: one is starting, or one is running. */
function SessionBusyNotice({ startingName }: { startingName: string | null }) {
  const { t } = useTranslation();
  const view = useSession((state) => state.view);
  const go = useNavigation((state) => state.go);
  const name = view?.target?.name ?? startingName ?? '';
  if (startingName !== null || view?.phase === 'starting') {
    return (
      <Notice role="status" className="users-busy">
        <span className="spinner" aria-hidden="true" /> {t('users.busy.starting', { name })}
      </Notice>
    );
  }
  if (!sessionInProgress(view)) return null;
  return (
    <Notice role="status" className="users-busy">
      <span>{t('users.busy.running', { name })}</span>
      <Button variant="quiet" size="sm" onClick={() => go('session')}>
        {t('users.busy.show')}
      </Button>
    </Notice>
  );
}
