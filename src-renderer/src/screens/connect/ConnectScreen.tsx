// Connect: the saved connections, a form to add or edit one, and the chosen one's
// test/connect panel. Everything shown is what main answered.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useConnectionError, useConnections } from '../../stores/connection-store';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionStatusBar } from './ConnectionStatusBar';
import { ConnectPanel } from './ConnectPanel';
import { SavedConnections } from './SavedConnections';
import { SecretStorageNotice } from './SecretStorageNotice';
import './connect.css';

/** What the right-hand side shows: the form (adding or editing) or the chosen connection. */
type Editing = { connection: Connection | null } | null;

export function ConnectScreen() {
  const { t } = useTranslation();
  const list = useConnections((state) => state.list);
  const status = useConnections((state) => state.status);
  const error = useConnectionError('load', 'remove', 'disconnect');
  const load = useConnections((state) => state.load);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const connections = list?.connections ?? [];
  // The chosen connection, else the connected one, else the only one (no extra click needed).
  const selected =
    connections.find((connection) => connection.id === selectedId) ??
    connections.find((connection) => status?.connected && connection.id === status.connectionId) ??
    (connections.length === 1 ? connections[0] : undefined);
  const showForm = editing !== null || (list !== null && connections.length === 0);

  return (
    <section className="screen connect-screen" aria-labelledby="connect-title">
      <h1 id="connect-title">{t('connect.title')}</h1>
      <ConnectionStatusBar connections={connections} />
      {list && <SecretStorageNotice storage={list.secretStorage} />}
      <ErrorMessage error={error} />
      <div className="connect-columns">
        <div className="connect-saved">
          <div className="section-head">
            <h2>{t('connect.list.title')}</h2>
            <Button size="sm" onClick={() => setEditing({ connection: null })}>
              {t('connect.list.add')}
            </Button>
          </div>
          {list === null ? (
            <p>{t('app.loading')}</p>
          ) : (
            <SavedConnections
              connections={connections}
              storage={list.secretStorage}
              selectedId={selected?.id ?? null}
              onSelect={(id) => {
                setSelectedId(id);
                setEditing(null);
              }}
              onEdit={(connection) => setEditing({ connection })}
            />
          )}
        </div>
        <div className="connect-detail">
          {list && showForm ? (
            <ConnectionForm
              key={editing?.connection?.id ?? 'new'}
              editing={editing?.connection ?? null}
              storage={list.secretStorage}
              onSaved={(connection) => {
                setSelectedId(connection.id);
                setEditing(null);
              }}
              onCancel={connections.length > 0 ? () => setEditing(null) : undefined}
            />
          ) : (
            list && selected && <ConnectPanel key={selected.id} connection={selected} storage={list.secretStorage} />
          )}
        </div>
      </div>
    </section>
  );
}
