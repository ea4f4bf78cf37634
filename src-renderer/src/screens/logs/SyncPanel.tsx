// When the local copy was last synced with the server, and the Sync button
// with its progress, on one line. The screen works without a connection; the
// button then says why it cannot sync instead of failing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { formatDateTime, relativeTime } from './log-format';

/** How often "2 minutes ago" is refreshed and main asked whether a connection came or went. */
const STATUS_REFRESH_MS = 30_000;

export function SyncPanel() {
  const { t, i18n } = useTranslation();
  const status = useLogs((state) => state.syncStatus);
  const syncing = useLogs((state) => state.syncing);
  const progress = useLogs((state) => state.progress);
  const result = useLogs((state) => state.syncResult);
  const error = useLogs((state) => state.syncError);
  const sync = useLogs((state) => state.sync);
  const loadSyncStatus = useLogs((state) => state.loadSyncStatus);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      void loadSyncStatus();
    }, STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadSyncStatus]);

  const connected = status?.connected ?? false;
  const running = syncing || (status?.running ?? false) || (progress !== null && !progress.done);
  const language = i18n.language;
  const last = status?.lastSyncAt ?? null;

  return (
    <section className="logs-sync" aria-labelledby="logs-sync-title">
      <h2 id="logs-sync-title" className="visually-hidden">
        {t('logs.sync.title')}
      </h2>
      <p className="logs-last-sync">
        {last ? (
          <>
            {t('logs.sync.lastSynced')}{' '}
            <time dateTime={last} title={formatDateTime(last, language)}>
              {relativeTime(last, Math.max(now, Date.now()), language)}
            </time>
          </>
        ) : (
          t('logs.sync.never')
        )}
      </p>
      <Button
        size="sm"
        onClick={() => void sync()}
        disabled={!connected}
        busy={running}
        aria-describedby={running || result ? undefined : 'logs-sync-help'}
      >
        {running ? t('logs.sync.running') : t('logs.sync.button')}
      </Button>
      {running && progress ? (
        <span className="logs-progress">
          <progress aria-label={t('logs.sync.progressLabel')} value={progress.total ? progress.fetched : undefined} max={progress.total || undefined} />
          <span>
            {progress.total
              ? t('logs.sync.progressOf', { fetched: progress.fetched, total: progress.total })
              : t('logs.sync.progressCount', { fetched: progress.fetched })}
          </span>
        </span>
      ) : result ? (
        <p role="status" className={result.differences > 0 ? 'logs-sync-result warn' : 'logs-sync-result'}>
          {t('logs.sync.result', result)}
          {result.differences > 0 && ` ${t('logs.sync.differences', { differences: result.differences })}`}
        </p>
      ) : (
        // Online, what Sync does is said to screen readers only; offline, why it cannot is said to all.
        <p id="logs-sync-help" className={connected ? 'visually-hidden' : 'help'}>
          {connected ? t('logs.sync.help') : t('logs.sync.offline')}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
