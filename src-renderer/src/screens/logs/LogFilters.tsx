// The search box and the filters. Both apply as the user types (after a short
// pause, so that main is not asked once per keystroke). A search looks only
// through the rows the filters let through, so the two narrow each other.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogs } from '../../stores/logs-store';
import { emptyFilters, outcomes, sources, type FilterDraft, type SourceChoice } from '../../stores/log-filters';
import type { AuditOutcome } from '../../../../src-preload/contract';

const TYPING_PAUSE_MS = 300;

function useSettled<T>(value: T, apply: (value: T) => void): void {
  useEffect(() => {
    const timer = setTimeout(() => apply(value), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, apply]);
}

export function LogFilters() {
  const { t } = useTranslation();
  const applied = useLogs((state) => state.filters);
  const search = useLogs((state) => state.search);
  const setFilters = useLogs((state) => state.setFilters);
  const setSearch = useLogs((state) => state.setSearch);
  const id = useId();
  const [draft, setDraft] = useState<FilterDraft>(applied);
  const [text, setText] = useState(search);
  useSettled(draft, setFilters);
  useSettled(text, setSearch);

  const field = <K extends keyof FilterDraft>(key: K) => (value: FilterDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  return (
    <div className="logs-filters">
      <form
        role="search"
        className="logs-search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(text);
        }}
      >
        <label htmlFor="logs-search">{t('logs.search.label')}</label>
        <input
          id="logs-search"
          type="search"
          value={text}
          maxLength={200}
          placeholder={t('logs.search.placeholder')}
          aria-describedby="logs-search-help"
          onChange={(event) => setText(event.target.value)}
        />
        <p id="logs-search-help" className="help">
          {search ? t('logs.search.showing', { text: search }) : t('logs.search.help')}
        </p>
        {search && (
          <button type="button" onClick={() => setText('')}>
            {t('logs.search.clear')}
          </button>
        )}
      </form>

      <fieldset className="logs-filter-fields">
        <legend>{t('logs.filters.title')}</legend>
        <div className="logs-field">
          <label htmlFor={`${id}-admin`}>{t('logs.filters.admin')}</label>
          <input id={`${id}-admin`} type="text" value={draft.admin} maxLength={200} onChange={(event) => field('admin')(event.target.value)} />
        </div>
        <div className="logs-field">
          <label htmlFor={`${id}-target`}>{t('logs.filters.target')}</label>
          <input id={`${id}-target`} type="text" value={draft.target} maxLength={200} onChange={(event) => field('target')(event.target.value)} />
        </div>
        <div className="logs-field">
          <label htmlFor={`${id}-from`}>{t('logs.filters.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={(event) => field('from')(event.target.value)} />
        </div>
        <div className="logs-field">
          <label htmlFor={`${id}-to`}>{t('logs.filters.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={(event) => field('to')(event.target.value)} />
        </div>
        <div className="logs-field">
          <label htmlFor={`${id}-outcome`}>{t('logs.filters.outcome')}</label>
          <select id={`${id}-outcome`} value={draft.outcome} onChange={(event) => field('outcome')(event.target.value as AuditOutcome | '')}>
            <option value="">{t('logs.filters.anyOutcome')}</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {t(`logs.outcome.${outcome}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="logs-field">
          <label htmlFor={`${id}-source`}>{t('logs.filters.source')}</label>
          <select id={`${id}-source`} value={draft.source} onChange={(event) => field('source')(event.target.value as SourceChoice)}>
            {sources.map((source) => (
              <option key={source} value={source}>
                {t(`logs.filters.sources.${source}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="logs-reset" onClick={() => setDraft(emptyFilters)}>
          {t('logs.filters.reset')}
        </button>
      </fieldset>
    </div>
  );
}
