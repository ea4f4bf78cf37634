// The selected row in full: its summary, every field the store holds for it,
// and its chained events. A side panel over the table; Escape or Close shuts it.
// Opening moves focus to its heading; closing returns focus to where it was (the row).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { DetailSources } from './DetailSources';
import { SessionTimeline } from './SessionTimeline';
import { durationText, endCauseLabel, eventTypeLabel, fieldLabel, outcomeLabel, personText, refusalLabel } from './labels';
import { formatDateTime } from './log-format';

export function LogDetail() {
  const { t } = useTranslation();
  const selectedId = useLogs((state) => state.selectedId);
  const detail = useLogs((state) => state.detail);
  const error = useLogs((state) => state.detailError);
  const select = useLogs((state) => state.select);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [selectedId]);

  if (!selectedId) return null;

  return (
    <aside
      className="logs-detail"
      aria-labelledby="logs-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') select(null);
      }}
    >
      <header>
        <h2 id="logs-detail-title" ref={heading} tabIndex={-1}>
          {t('logs.detail.title')}
        </h2>
        <Button size="sm" onClick={() => select(null)}>
          {t('logs.detail.close')}
        </Button>
      </header>
      {detail ? <DetailBody detail={detail} /> : !error && <p>{t('logs.detail.loading')}</p>}
      <ErrorMessage error={error} />
    </aside>
  );
}

function DetailBody({ detail }: { detail: AuditDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const exists = (key: string) => i18n.exists(key);
  const summary: Array<[string, string]> = [
    [t('logs.column.admin'), personText(t, detail.admin, detail.adminLogin)],
    [t('logs.column.target'), personText(t, detail.target, detail.targetLogin)],
    [t('logs.column.outcome'), outcomeLabel(t, detail.outcome)],
    [t('logs.detail.endCause'), endCauseLabel(t, detail.endCause)],
    [t('logs.detail.refusal'), refusalLabel(t, exists, detail.refusal)],
    [t('logs.column.start'), formatDateTime(detail.startedAt, language)],
    [t('logs.column.end'), formatDateTime(detail.endedAt, language)],
    [t('logs.column.duration'), durationText(t, detail.durationSeconds)],
    [t('logs.detail.clientIp'), detail.clientIp ?? ''],
    [t('logs.detail.serverIp'), detail.serverIp ?? ''],
  ];
  return (
    <>
      {detail.integrity !== 'chained' && (
        <p className={`logs-detail-integrity integrity-${detail.integrity}`} role={detail.integrity === 'server' ? undefined : 'alert'}>
          {t(`logs.detail.integrity_${detail.integrity}`)}
        </p>
      )}
      <p className="logs-detail-reason">
        <span className="visually-hidden">{t('logs.column.reason')}: </span>
        {detail.reason ?? t('logs.detail.noReason')}
      </p>
      <dl className="logs-detail-list">
        {summary
          .filter(([, value]) => value !== '')
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <DetailSources detail={detail} />
      <h3 id="logs-detail-events">{t('logs.detail.events')}</h3>
      {detail.events.length === 0 ? (
        <p className="help">{t('logs.detail.noEvents')}</p>
      ) : (
        <ol className="logs-events" aria-labelledby="logs-detail-events">
          {detail.events.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <time dateTime={event.at}>{formatDateTime(event.at, language)}</time> <strong>{eventTypeLabel(t, event.type)}</strong>
              {event.detail && (
                <details>
                  <summary>{t('logs.detail.eventData')}</summary>
                  <code>{event.detail}</code>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {detail.source === 'local' && <SessionTimeline id={detail.id} />}
      <details className="logs-fields">
        <summary>{t('logs.detail.allFields')}</summary>
        <FieldList fields={detail.fields} />
      </details>
      {detail.serverRecords.length > 0 && (
        <>
          <h3>{t('logs.detail.serverRecords')}</h3>
          {detail.serverRecords.map((record) => (
            <details className="logs-fields" key={`${record.kind}-${record.serverId}`}>
              <summary>{t(`logs.detail.recordKind_${record.kind}`, { id: record.serverId })}</summary>
              <FieldList fields={record.fields} />
            </details>
          ))}
        </>
      )}
    </>
  );
}

function FieldList({ fields }: { fields: AuditDetail['fields'] }) {
  const { t } = useTranslation();
  return (
    <dl className="logs-detail-list">
      {fields.map((field) => (
        <div key={field.name}>
          <dt>{fieldLabel(t, field.name)}</dt>
          <dd>{field.value === '' ? '—' : field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
