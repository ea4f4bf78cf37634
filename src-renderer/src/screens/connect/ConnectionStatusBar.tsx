// Whether the console is connected, as connections.status says, with Disconnect.
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../src-preload/contract';
import { Button } from '../../components/ui';
import { useConnections } from '../../stores/connection-store';

export function ConnectionStatusBar({ connections }: { connections: Connection[] }) {
  const { t } = useTranslation();
  const status = useConnections((state) => state.status);
  const disconnect = useConnections((state) => state.disconnect);
  const busy = useConnections((state) => state.busy);

  if (!status?.connected) {
    return (
      <p className="status-bar" role="status">
        {t('connect.status.disconnected')}
      </p>
    );
  }
  const name = connections.find((connection) => connection.id === status.connectionId)?.name ?? '';
  const admin = status.report?.admin;
  return (
    <div className="status-bar status-connected" role="status">
      <span>
        <span className="status-dot" aria-hidden="true" />
        {admin ? t('connect.status.connectedAs', { name, login: admin.login }) : t('connect.status.connected', { name })}
      </span>
      <Button size="sm" busy={busy === 'disconnect'} disabled={busy !== null} onClick={() => void disconnect()}>
        {t('connect.status.disconnect')}
      </Button>
    </div>
  );
}
