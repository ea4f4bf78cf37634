// The search box (searching as the user types, after a short pause), the
// "include archived" switch and how many users match.
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Checkbox, Field } from '../../components/ui';
import { useUsers, usersStore } from '../../stores/users-store';

export function UserSearchBar() {
  const { t } = useTranslation();
  const query = useUsers((state) => state.query);
  const includeArchived = useUsers((state) => state.includeArchived);
  const total = useUsers((state) => state.total);
  const searching = useUsers((state) => state.pendingPages > 0);
  const error = useUsers((state) => state.error);
  const { setQuery, setIncludeArchived } = usersStore.getState();

  return (
    <div className="user-search">
      <div className="user-search-row">
        <Field label={t('users.search.label')} labelHidden id="user-search">
          {(control) => (
            <input
              {...control}
              type="search"
              value={query}
              placeholder={t('users.search.placeholder')}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setQuery(event.target.value)}
            />
          )}
        </Field>
        <Checkbox label={t('users.search.includeArchived')} checked={includeArchived} onChange={setIncludeArchived} />
        <span className="user-total" role="status" aria-live="polite">
          {total === null ? (searching ? t('users.search.searching') : '') : t('users.search.total', { total })}
        </span>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
