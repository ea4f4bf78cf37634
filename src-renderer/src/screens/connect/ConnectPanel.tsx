// The chosen connection. Not connected: a password (when none is kept), Test connection and
// Connect — and, when the server wants it, the two-factor code prompt. Connected: the admin
// check main made when connecting, what the console's sign-ins do to the server's base URL
// (with the freeze action), and the way on to Users — never a second Connect. A password
// typed here goes to main for this one call. The dialogs sit outside the form, so that
// Enter in them submits them, not Connect.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStorageMode } from '../../../../src-preload/contract';
import { Button, Field, Notice } from '../../components/ui';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnectionError, useConnections } from '../../stores/connection-store';
import { useNavigation } from '../../stores/navigation-store';
import { BaseUrlNotice } from './BaseUrlNotice';
import { ConnectionReportView } from './ConnectionReportView';
import { passwordKeptKey } from './password-words';
import { SecondFactorDialog } from './SecondFactorDialog';

export function ConnectPanel({ connection, storage }: { connection: Connection; storage: SecretStorageMode }) {
  const { t } = useTranslation();
  const busy = useConnections((state) => state.busy);
  const status = useConnections((state) => state.status);
  const shown = useConnections((state) => (state.shown?.connectionId === connection.id ? state.shown : null));
  const test = useConnections((state) => state.test);
  const connect = useConnections((state) => state.connect);
  const secondFactor = useConnections((state) => (state.secondFactor?.connectionId === connection.id ? state.secondFactor : null));
  const error = useConnectionError('test', 'connect');
  const go = useNavigation((state) => state.go);
  const [password, setPassword] = useState('');

  const connectedHere = status?.connected === true && status.connectionId === connection.id;
  const connectedElsewhere = status?.connected === true && !connectedHere;
  // What to show: the last Test/Connect here, else (connected at start, as the demo is) main's own check.
  const report = shown ?? (connectedHere && status.report ? { task: 'connect' as const, report: status.report } : null);

  const request = () => ({ id: connection.id, ...(password ? { password } : {}) });
  const onConnect = async () => {
    await connect(request());
    setPassword('');
  };

  const titleId = 'connect-panel-title';
  return (
    <section className="connect-panel panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{connection.name}</h2>
      <p className="saved-detail">
        {connection.url} · {t('connect.list.detail', { database: connection.database, login: connection.login })}
      </p>
      {connection.insecureHttp && (
        <Notice tone="caution" role="note">
          {t('connect.insecureHttp')}
        </Notice>
      )}
      {!connectedHere && (
        <form
          aria-labelledby={titleId}
          onSubmit={(event) => {
            event.preventDefault();
            void onConnect();
          }}
        >
          <Field
            id="connect-password"
            label={t('connect.panel.password')}
            help={connection.passwordStored ? t(passwordKeptKey(storage, 'panel')) : t('connect.panel.passwordNeeded')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                value={password}
                autoComplete="current-password"
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <Button busy={busy === 'test'} disabled={busy !== null} onClick={() => void test(request())}>
              {busy === 'test' ? t('connect.panel.testing') : t('connect.panel.test')}
            </Button>
            <Button type="submit" variant={connectedElsewhere ? 'secondary' : 'primary'} busy={busy === 'connect'} disabled={busy !== null}>
              {busy === 'connect' ? t('connect.panel.connecting') : connectedElsewhere ? t('connect.panel.switch') : t('connect.panel.connect')}
            </Button>
          </div>
          <ErrorMessage error={error} />
        </form>
      )}
      {secondFactor && <SecondFactorDialog connection={connection} storage={storage} prompt={secondFactor} />}
      {report && <ConnectionReportView report={report.report} task={report.task} announce={shown !== null} />}
      {connectedHere && status.report?.baseUrl && <BaseUrlNotice baseUrl={status.report.baseUrl} />}
      {connectedHere && (
        <div className="actions">
          <Button variant="primary" onClick={() => go('users')}>
            {t('connect.panel.toUsers')}
          </Button>
        </div>
      )}
    </section>
  );
}
