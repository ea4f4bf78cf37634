// The Logs screen: the local audit store (own sessions and the team's, mirrored
// from the server), readable with no connection at all. Everything shown is
// what main answered; this screen only asks and arranges.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi } from '../../api';
import { useLogs } from '../../stores/logs-store';
import { ChainStatusBadge } from './ChainStatusBadge';
import { ExportButtons } from './ExportButtons';
import { LogDetail } from './LogDetail';
import { LogFilters } from './LogFilters';
import { LogsTable } from './LogsTable';
import { RetentionPanel } from './RetentionPanel';
import { SessionsChart } from './SessionsChart';
import { SyncPanel } from './SyncPanel';
import './logs.css';

export function LogsScreen() {
  const { t, i18n } = useTranslation();
  const total = useLogs((state) => state.total);
  const searching = useLogs((state) => state.search !== '');

  useEffect(() => {
    const logs = useLogs.getState();
    logs.reload();
    void logs.verify();
    void logs.loadSyncStatus();
    return consoleApi().on.syncProgress((progress) => useLogs.getState().onProgress(progress));
  }, []);

  return (
    <section className="screen logs-screen" aria-labelledby="logs-title">
      <header className="logs-header">
        <div>
          <h1 id="logs-title">{t('logs.title')}</h1>
          <p className="help">{t('logs.subtitle')}</p>
        </div>
        <ChainStatusBadge />
      </header>
      <SyncPanel />
      <LogFilters />
      <div className="logs-toolbar">
        <p className="logs-count" role="status">
          {total === null
            ? t('logs.table.loading')
            : t(searching ? 'logs.table.countSearch' : 'logs.table.count', {
                rows: new Intl.NumberFormat(i18n.language).format(total),
              })}
        </p>
        <ExportButtons />
      </div>
      <LogsTable />
      <SessionsChart />
      <RetentionPanel />
      <LogDetail />
    </section>
  );
}
