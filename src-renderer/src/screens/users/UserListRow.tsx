// One user: who, and either Impersonate or, in a sentence on the row itself, why not
// (no tooltip: it must be readable by keyboard, touch and screen reader alike).
// Eligibility is main's answer; the row only shows it.
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../src-preload/contract';
import { Button } from '../../components/ui';

interface UserListRowProps {
  /** Undefined while its page is on its way. */
  user: UserRow | undefined;
  position: number;
  setSize: number;
  top: number;
  height: number;
  /** An impersonation is starting or running: no second one may be started. */
  busy: boolean;
  onImpersonate(user: UserRow): void;
}

export function UserListRow({ user, position, setSize, top, height, busy, onImpersonate }: UserListRowProps) {
  const { t } = useTranslation();
  const style = { transform: `translateY(${top}px)`, height };
  if (!user) {
    return (
      <div role="listitem" className="user-row user-row-loading" aria-posinset={position} aria-setsize={setSize} style={style}>
        {t('app.loading')}
      </div>
    );
  }
  return (
    <div
      role="listitem"
      className={user.eligible ? 'user-row' : 'user-row user-row-ineligible'}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-disabled={user.eligible ? undefined : true}
      data-login={user.login}
      style={style}
    >
      <div className="user-who">
        <span className="user-name">{user.name}</span>
        <span className="user-login">
          <span>{user.login}</span>
          {user.email && user.email !== user.login && (
            <>
              {' · '}
              <span>{user.email}</span>
            </>
          )}
        </span>
      </div>
      <div className="user-action">
        {user.eligible ? (
          <Button
            variant="primary"
            size="sm"
            disabled={busy}
            aria-label={t('users.impersonateNamed', { name: user.name })}
            onClick={() => onImpersonate(user)}
          >
            {t('users.impersonate')}
          </Button>
        ) : (
          <p className="user-refusal">{user.reasons.map((reason) => t(`users.refusal.${reason}`)).join(' ')}</p>
        )}
      </div>
    </div>
  );
}
