// The Logs screen: the local audit store (own sessions and the team's, mirrored
// from the server), readable with no connection at all. Everything shown is
// what main answered; this screen only asks and arranges. It fits the window: the
// records (or the chart) fill what the header and filters leave, and only they scroll.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi } from '../../api';
import { classNames } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { ChainStatusBadge } from './ChainStatusBadge';
import { ExportButtons } from './ExportButtons';
import { LogDetail } from './LogDetail';
import { LogFilters } from './LogFilters';
import { LogsTable } from './LogsTable';
import { SessionsChart } from './SessionsChart';
import { SyncPanel } from './SyncPanel';
import './logs.css';

type LogsView = 'records' | 'chart';

export function LogsScreen() {
  const { t, i18n } = useTranslation();
  const total = useLogs((state) => state.total);
  const search = useLogs((state) => state.search);
  const [view, setView] = useState<LogsView>('records');

  useEffect(() => {
    const logs = useLogs.getState();
    logs.reload();
    void logs.verify();
    void logs.loadSyncStatus();
    return consoleApi().on.syncProgress((progress) => useLogs.getState().onProgress(progress));
  }, []);

  const rows = total === null ? null : new Intl.NumberFormat(i18n.language).format(total);
  return (
    <section className="screen screen-fill logs-screen" aria-labelledby="logs-title">
      <header className="logs-header">
        <h1 id="logs-title">{t('logs.title')}</h1>
        <ChainStatusBadge />
      </header>
      <p className="help logs-subtitle">{t('logs.subtitle')}</p>
      <SyncPanel />
      <LogFilters />
      <div className="logs-toolbar">
        <p className="logs-count" role="status">
          {rows === null ? t('logs.table.loading') : search ? t('logs.table.countSearch', { rows, text: search }) : t('logs.table.count', { rows })}
        </p>
        <div className="logs-views" role="tablist" aria-label={t('logs.views.label')}>
          {(['records', 'chart'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`logs-tab-${id}`}
              aria-selected={view === id}
              aria-controls={`logs-panel-${id}`}
              tabIndex={view === id ? 0 : -1}
              className={classNames('logs-view-tab', view === id && 'selected')}
              onClick={() => setView(id)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
                  const next = id === 'records' ? 'chart' : 'records';
                  setView(next);
                  document.getElementById(`logs-tab-${next}`)?.focus();
                }
              }}
            >
              {t(`logs.views.${id}`)}
            </button>
          ))}
        </div>
        <ExportButtons />
      </div>
      <div className="logs-body-area" role="tabpanel" id={`logs-panel-${view}`} aria-labelledby={`logs-tab-${view}`}>
        {view === 'records' ? <LogsTable /> : <SessionsChart />}
      </div>
      <LogDetail />
    </section>
  );
}
