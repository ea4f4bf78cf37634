// The search box and the filters, in one compact bar. Both apply as the user types
// (after a short pause, so that main is not asked once per keystroke). A search looks
// only through the rows the filters let through, so the two narrow each other.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome } from '../../../../src-preload/contract';
import { DateField } from '../../components/DateField';
import { Button, Field } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { emptyFilters, hasFilters, outcomes, sources, type FilterDraft, type SourceChoice } from '../../stores/log-filters';

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
        <Field id="logs-search" label={t('logs.search.label')} help={t('logs.search.help')} helpHidden>
          {(control) => (
            <input
              {...control}
              type="search"
              value={text}
              maxLength={200}
              placeholder={t('logs.search.placeholder')}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
      </form>
      <fieldset className="logs-filter-fields">
        <legend className="visually-hidden">{t('logs.filters.title')}</legend>
        <Field label={t('logs.filters.admin')} className="logs-field-text">
          {(control) => <input {...control} type="text" value={draft.admin} maxLength={200} onChange={(event) => field('admin')(event.target.value)} />}
        </Field>
        <Field label={t('logs.filters.target')} className="logs-field-text">
          {(control) => <input {...control} type="text" value={draft.target} maxLength={200} onChange={(event) => field('target')(event.target.value)} />}
        </Field>
        <DateField label={t('logs.filters.from')} className="logs-field-date" value={draft.from} onChange={field('from')} />
        <DateField label={t('logs.filters.to')} className="logs-field-date" value={draft.to} onChange={field('to')} />
        <Field label={t('logs.filters.outcome')}>
          {(control) => (
            <select {...control} value={draft.outcome} onChange={(event) => field('outcome')(event.target.value as AuditOutcome | '')}>
              <option value="">{t('logs.filters.anyOutcome')}</option>
              {outcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`logs.outcome.${outcome}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('logs.filters.source')}>
          {(control) => (
            <select {...control} value={draft.source} onChange={(event) => field('source')(event.target.value as SourceChoice)}>
              {sources.map((source) => (
                <option key={source} value={source}>
                  {t(`logs.filters.sources.${source}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="logs-filter-actions">
          {text && <Button size="sm" onClick={() => setText('')}>{t('logs.search.clear')}</Button>}
          <Button size="sm" variant="quiet" disabled={!hasFilters(draft)} onClick={() => setDraft(emptyFilters)}>
            {t('logs.filters.reset')}
          </Button>
        </div>
      </fieldset>
    </div>
  );
}
