// Per saved connection (issue 17.2): whether its sessions may change data from the
// start. The default is read-only until "Allow changes"; main puts every change of
// this choice on the record before it applies, and each session records its mode.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../src-preload/contract';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';

export function ChangesSetting() {
  const { t } = useTranslation();
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    consoleApi()
      .connections.list()
      .then((list) => setConnections(list.connections), setError);
  }, []);

  const choose = async (id: string, changesFromStart: boolean) => {
    setError(null);
    try {
      const changed = await consoleApi().connections.setChangesFromStart({ id, changesFromStart });
      setConnections((current) => current?.map((connection) => (connection.id === id ? changed : connection)) ?? null);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <fieldset className="settings-changes">
      <legend>{t('app.settings.changesTitle')}</legend>
      <p className="help">{t('app.settings.changesHelp')}</p>
      {connections?.length === 0 && <p className="help">{t('app.settings.changesNone')}</p>}
      {connections?.map((connection) => (
        <label key={connection.id} className="settings-changes-choice">
          <input type="checkbox" checked={connection.changesFromStart} onChange={(event) => void choose(connection.id, event.target.checked)} />
          <span>{t('app.settings.changesFromStart', { name: connection.name })}</span>
        </label>
      ))}
      <ErrorMessage error={error} />
    </fieldset>
  );
}
