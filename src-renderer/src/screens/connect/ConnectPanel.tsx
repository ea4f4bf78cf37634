// The chosen connection: test it or connect with it, and what the server said.
// A password typed here goes to main for this one call; a stored one is used otherwise.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../src-preload/contract';
import { useConnections } from '../../stores/connection-store';
import { useNavigation } from '../../stores/navigation-store';
import { ConnectionReportView } from './ConnectionReportView';

export function ConnectPanel({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const busy = useConnections((state) => state.busy);
  const shown = useConnections((state) => (state.shown?.connectionId === connection.id ? state.shown : null));
  const test = useConnections((state) => state.test);
  const connect = useConnections((state) => state.connect);
  const go = useNavigation((state) => state.go);
  const [password, setPassword] = useState('');

  const request = () => ({ id: connection.id, ...(password ? { password } : {}) });
  const onConnect = async () => {
    const report = await connect(request());
    setPassword('');
    if (report?.ok) go('users');
  };

  const titleId = 'connect-panel-title';
  return (
    <form
      className="connect-panel panel"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void onConnect();
      }}
    >
      <h2 id={titleId}>{connection.name}</h2>
      <p className="saved-detail">
        {connection.url} · {t('connect.list.detail', { database: connection.database, login: connection.login })}
      </p>
      {connection.insecureHttp && (
        <p className="notice notice-warn" role="note">
          {t('connect.insecureHttp')}
        </p>
      )}
      <div className="field">
        <label htmlFor="connect-password">{t('connect.panel.password')}</label>
        <input
          id="connect-password"
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="help">{connection.passwordStored ? t('connect.panel.passwordStored') : t('connect.panel.passwordNeeded')}</p>
      </div>
      <div className="actions">
        <button type="button" disabled={busy !== null} onClick={() => void test(request())}>
          {busy === 'test' ? t('connect.panel.testing') : t('connect.panel.test')}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'connect' ? t('connect.panel.connecting') : t('connect.panel.connect')}
        </button>
      </div>
      {shown && <ConnectionReportView report={shown.report} task={shown.task} />}
    </form>
  );
}
