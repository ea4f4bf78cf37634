// One user: who, what kind, whether active, and either Impersonate or why not.
// Eligibility is main's answer; the row only shows it.
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../src-preload/contract';

interface UserListRowProps {
  /** Undefined while its page is on its way. */
  user: UserRow | undefined;
  position: number;
  setSize: number;
  top: number;
  height: number;
  onImpersonate(user: UserRow): void;
}

export function UserListRow({ user, position, setSize, top, height, onImpersonate }: UserListRowProps) {
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
        <span className="user-login">{user.login}</span>
        {user.email && <span className="user-email">{user.email}</span>}
      </div>
      <div className="user-kind">
        <span className={`badge badge-type-${user.type}`}>{t(`users.type.${user.type}`)}</span>
        <span className={user.active ? 'badge badge-active' : 'badge badge-archived'}>
          {user.active ? t('users.status.active') : t('users.status.archived')}
        </span>
      </div>
      <div className="user-action">
        {user.eligible ? (
          <button
            type="button"
            className="primary"
            aria-label={t('users.impersonateNamed', { name: user.name })}
            onClick={() => onImpersonate(user)}
          >
            {t('users.impersonate')}
          </button>
        ) : (
          <ul className="reasons" aria-label={t('users.reasonsLabel')}>
            {user.reasons.map((reason) => (
              <li key={reason} className="badge badge-reason" title={t(`users.reasonHelp.${reason}`)}>
                {t(`users.reason.${reason}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
