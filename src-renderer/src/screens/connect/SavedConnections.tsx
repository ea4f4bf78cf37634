// The saved connections: pick one to test or connect, edit it, or remove it
// (removal asks once more, inline, so no blocking browser dialog is needed).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStorageMode } from '../../../../src-preload/contract';
import { Button, classNames } from '../../components/ui';
import { useConnections } from '../../stores/connection-store';
import { passwordKeptKey } from './password-words';

interface SavedConnectionsProps {
  connections: Connection[];
  storage: SecretStorageMode;
  selectedId: string | null;
  onSelect(id: string): void;
  onEdit(connection: Connection): void;
}

export function SavedConnections({ connections, storage, selectedId, onSelect, onEdit }: SavedConnectionsProps) {
  const { t } = useTranslation();
  const remove = useConnections((state) => state.remove);
  const connectedId = useConnections((state) => (state.status?.connected ? state.status.connectionId : null));
  const [confirmingId, setConfirmingId] = useState<string | null>(null);

  if (connections.length === 0) return <p className="empty">{t('connect.list.empty')}</p>;

  return (
    <ul className="saved-connections" aria-label={t('connect.list.label')}>
      {connections.map((connection) => (
        <li key={connection.id} className={classNames('saved', connection.id === selectedId && 'selected')}>
          <button
            type="button"
            className="saved-pick"
            aria-pressed={connection.id === selectedId}
            onClick={() => onSelect(connection.id)}
          >
            <span className="saved-name">{connection.name}</span>
            <span className="saved-detail">{connection.url}</span>
            <span className="saved-detail">
              {t('connect.list.detail', { database: connection.database, login: connection.login })}
            </span>
          </button>
          <div className="badges">
            {connection.id === connectedId && <span className="badge badge-ok">{t('connect.list.connected')}</span>}
            {connection.passwordStored && <span className="badge">{t(passwordKeptKey(storage, 'badge'))}</span>}
            {connection.insecureHttp && <span className="badge badge-caution">{t('connect.list.insecure')}</span>}
          </div>
          <div className="actions">
            {confirmingId === connection.id ? (
              <>
                <span>{t('connect.list.confirmRemove', { name: connection.name })}</span>
                <Button size="sm" variant="danger" onClick={() => void remove(connection.id).then(() => setConfirmingId(null))}>
                  {t('connect.list.removeYes')}
                </Button>
                <Button size="sm" onClick={() => setConfirmingId(null)}>
                  {t('connect.list.removeNo')}
                </Button>
              </>
            ) : (
              <>
                <Button size="sm" onClick={() => onEdit(connection)} aria-label={t('connect.list.editNamed', { name: connection.name })}>
                  {t('connect.list.edit')}
                </Button>
                <Button
                  size="sm"
                  variant="quiet"
                  onClick={() => setConfirmingId(connection.id)}
                  aria-label={t('connect.list.removeNamed', { name: connection.name })}
                >
                  {t('connect.list.remove')}
                </Button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
