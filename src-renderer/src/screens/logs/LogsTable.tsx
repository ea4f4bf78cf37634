// The audit rows as a virtualized grid: only the rows in view are in the DOM,
// and the pages under them are fetched from main as the user scrolls. Arrow
// keys move between rows, Enter opens a row's details. The grid is the screen's one
// scroll area; its columns are what a lead reads first (the end time and the IPs are in
// the details), sized so that none is cut at 1024 px, and the reason gets two lines.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLogs, type SortField } from '../../stores/logs-store';
import { durationText, endCauseLabel, originLabel, outcomeLabel, outcomeText, personText, refusalLabel, standingLabel } from './labels';
import { hasFilters } from '../../stores/log-filters';
import { formatDateLines, formatDateTime } from './log-format';
import { rowAt } from '../../stores/row-pages';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 44;

interface Column {
  id: string;
  sort?: SortField;
}

const columns: Column[] = [
  { id: 'admin', sort: 'admin' },
  { id: 'target', sort: 'target' },
  { id: 'start', sort: 'startedAt' },
  { id: 'duration', sort: 'duration' },
  { id: 'reason' },
  { id: 'outcome', sort: 'outcome' },
  { id: 'source' },
];

export function LogsTable() {
  const { t } = useTranslation();
  const total = useLogs((state) => state.total);
  const pages = useLogs((state) => state.pages);
  const generation = useLogs((state) => state.generation);
  const listError = useLogs((state) => state.listError);
  const sort = useLogs((state) => state.sort);
  const searching = useLogs((state) => state.search !== '');
  const filtered = useLogs((state) => hasFilters(state.filters));
  const selectedId = useLogs((state) => state.selectedId);
  const ensureRows = useLogs((state) => state.ensureRows);
  const sortBy = useLogs((state) => state.sortBy);
  const select = useLogs((state) => state.select);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    // The sticky header covers the top of the scroller: scrolling to a row must land below it.
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => ensureRows(first, last), [ensureRows, first, last, generation, total]);
  useEffect(() => {
    setActive(0);
    scroller.current?.scrollTo({ top: 0 });
  }, [generation]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${next}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: AuditRow | undefined) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(index + moves[event.key]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : count - 1);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      select(row.id);
    } else if (event.key === 'Escape') {
      select(null);
    }
  };

  const ariaSort = (column: Column) =>
    column.sort && sort.field === column.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <div className="logs-table-wrap">
      <div
        ref={scroller}
        className="logs-table"
        role="grid"
        aria-label={t('logs.table.label')}
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-busy={total === null}
      >
        <div className="logs-row logs-head" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <div key={column.id} role="columnheader" aria-sort={ariaSort(column)} className={`col-${column.id}`}>
              {column.sort ? (
                <button type="button" className="logs-sort" onClick={() => sortBy(column.sort!)}>
                  {t(`logs.column.${column.id}`)}
                  <span aria-hidden="true">{sort.field === column.sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              ) : (
                t(`logs.column.${column.id}`)
              )}
            </div>
          ))}
        </div>
        <div className="logs-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(pages, item.index);
            return (
              <div
                key={item.key}
                data-row={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={row !== undefined && row.id === selectedId}
                aria-busy={row === undefined}
                tabIndex={item.index === active ? 0 : -1}
                className={`logs-row${row && row.id === selectedId ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  if (row) select(row.id);
                }}
                onKeyDown={(event) => onKeyDown(event, item.index, row)}
              >
                {row ? <RowCells row={row} /> : <div role="gridcell" className="logs-loading">{t('logs.table.loadingRow')}</div>}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 && !listError && <p className="logs-empty">{searching ? (filtered ? t('logs.table.noMatchesFiltered') : t('logs.table.noMatches')) : t('logs.table.empty')}</p>}
      <ErrorMessage error={listError} />
    </div>
  );
}

function RowCells({ row }: { row: AuditRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const exists = (key: string) => i18n.exists(key);
  const why = row.refusal ? refusalLabel(t, exists, row.refusal) : endCauseLabel(t, row.endCause);
  const cell = (id: string, text: string) => (
    <div role="gridcell" className={`col-${id}`} title={text}>
      {text}
    </div>
  );
  // People by display name, the login under it: the same whatever recorded the row.
  const person = (id: string, name: string, login: string | null) => (
    <div role="gridcell" className={`col-${id} col-person`} title={personText(t, name, login)}>
      <span className="person-name">{name}</span>
      {login && login !== name && <span className="person-login">{login}</span>}
    </div>
  );
  return (
    <>
      {person('admin', row.admin, row.adminLogin)}
      {person('target', row.target, row.targetLogin)}
      <div role="gridcell" className="col-start" title={formatDateTime(row.startedAt, language)}>
        <StartLines iso={row.startedAt} language={language} />
      </div>
      {cell('duration', durationText(t, row.durationSeconds))}
      <div role="gridcell" className="col-reason" title={row.reason ?? ''}>
        <span className="reason-lines">{row.reason ?? ''}</span>
      </div>
      <div role="gridcell" className="col-outcome" title={outcomeText(t, exists, row)}>
        <span className={`outcome-badge outcome-${row.outcome}`}>{outcomeLabel(t, row.outcome)}</span>
        {why && <span className="outcome-why">{why}</span>}
      </div>
      <ProvenanceCell row={row} />
    </>
  );
}

/** Where the row is known, and whether the server's copy agrees (the details say it in full). */
function ProvenanceCell({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const origin = originLabel(t, row);
  const standing = standingLabel(t, row);
  return (
    <div role="gridcell" className="col-source" title={standing ? `${origin} · ${standing.text}` : origin}>
      <span className="source-origin">{origin}</span>
      {standing && <span className={`source-standing standing-${standing.tone}`}>{standing.text}</span>}
    </div>
  );
}

function StartLines({ iso, language }: { iso: string | null; language: string }) {
  const lines = formatDateLines(iso, language);
  if (!lines) return null;
  return (
    <>
      <span className="start-date">{lines.date}</span> <span className="start-time">{lines.time}</span>
    </>
  );
}
