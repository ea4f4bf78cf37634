// In a session's details (issue 17.3): what the view reached as the user — model,
// method, record ids, the page it came from, allowed or refused, writes marked —
// never a value. Filters "Changes only" (writes that went through) and "Refused";
// the session exports with its timeline as CSV or JSON. Only this console's own
// sessions have one: a server row says its end entry holds the summary.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionTimeline as Timeline, TimelineFilter } from '../../../../src-preload/contract';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { downloadExport } from './download';
import { formatDateLines, formatDateTime } from './log-format';

const FILTERS: readonly TimelineFilter[] = ['all', 'changes', 'refused'];

export function SessionTimeline({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let current = true;
    setError(null);
    consoleApi()
      .audit.timeline({ id, filter })
      .then((answer) => current && setTimeline(answer))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [id, filter]);

  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(true);
    setError(null);
    try {
      downloadExport(await consoleApi().audit.exportSession({ id, format }));
    } catch (failure) {
      setError(failure);
    } finally {
      setExporting(false);
    }
  };

  if (timeline && !timeline.available) return null;
  return (
    <section className="logs-timeline" aria-labelledby="logs-timeline-title" data-testid="session-timeline">
      <h3 id="logs-timeline-title">{t('logs.timeline.title')}</h3>
      {timeline && (
        <p className="help">
          {timeline.changesMode === 'allowed-from-start'
            ? t('logs.timeline.modeFromStart')
            : timeline.changesAllowed
              ? t('logs.timeline.modeAllowed', { at: formatDateTime(timeline.changesAllowed.at, i18n.language), reason: timeline.changesAllowed.reason })
              : t('logs.timeline.modeReadOnly')}
        </p>
      )}
      <div className="logs-timeline-tools">
        <div role="radiogroup" aria-label={t('logs.timeline.filter')} className="logs-timeline-filters">
          {FILTERS.map((option) => (
            <label key={option}>
              <input type="radio" name={`timeline-filter-${id}`} checked={filter === option} onChange={() => setFilter(option)} />
              {t(`logs.timeline.filter_${option}`)}
            </label>
          ))}
        </div>
        <Button size="sm" onClick={() => void exportAs('csv')} disabled={exporting}>
          {t('logs.timeline.exportCsv')}
        </Button>
        <Button size="sm" onClick={() => void exportAs('json')} disabled={exporting}>
          {t('logs.timeline.exportJson')}
        </Button>
      </div>
      {timeline && timeline.entries.length === 0 && <p className="help">{t('logs.timeline.empty')}</p>}
      {timeline && timeline.entries.length > 0 && (
        <table className="logs-timeline-table">
          <thead>
            <tr>
              <th scope="col">{t('logs.timeline.at')}</th>
              <th scope="col">{t('logs.timeline.call')}</th>
              <th scope="col">{t('logs.timeline.ids')}</th>
              <th scope="col">{t('logs.timeline.page')}</th>
              <th scope="col">{t('logs.timeline.result')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} className={entry.allowed ? (entry.writes ? 'write' : undefined) : 'refused'}>
                <td>
                  {/* The session's day is in the details above: the time alone keeps the column narrow. */}
                  <time dateTime={entry.at} title={formatDateTime(entry.at, i18n.language)}>
                    {formatDateLines(entry.at, i18n.language)?.time ?? ''}
                  </time>
                </td>
                <td>
                  <code>{entry.model && entry.method ? `${entry.model} · ${entry.method}` : (entry.action ? `${entry.route} · ${entry.action}` : entry.route)}</code>
                  {entry.count > 1 && <span className="help"> ×{entry.count}</span>}
                </td>
                <td>{entry.ids.join(', ')}{entry.idCount > entry.ids.length ? ` (+${entry.idCount - entry.ids.length})` : ''}</td>
                <td className="logs-timeline-page">{entry.page ?? ''}</td>
                <td>
                  {entry.allowed
                    ? entry.writes
                      ? t('logs.timeline.written')
                      : t('logs.timeline.read')
                    : t(`logs.timeline.refused_${entry.refusal ?? 'read-only'}`, { defaultValue: t('logs.timeline.refused_read-only') })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {timeline && timeline.bounds.length > 0 && <p className="help">{t('logs.timeline.bounded', { limit: timeline.bounds[0]!.limit })}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
