// How long the console keeps its audit rows (Settings.retentionDays; null keeps
// everything). Main does the pruning and keeps what has not been synced and
// the chain's anchor; this panel only states the choice.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSettings } from '../../stores/settings-store';

const MAX_DAYS = 36_500;

export function RetentionPanel() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const update = useSettings((state) => state.update);
  const load = useSettings((state) => state.load);
  const stored = settings?.retentionDays ?? null;
  const [keepAll, setKeepAll] = useState(stored === null);
  const [days, setDays] = useState(String(stored ?? 365));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!settings) load().catch(setError);
  }, [settings, load]);
  useEffect(() => {
    setKeepAll(stored === null);
    if (stored !== null) setDays(String(stored));
  }, [stored]);

  const parsed = Number(days);
  const valid = keepAll || (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_DAYS);

  const save = async () => {
    setSaved(false);
    setError(null);
    try {
      await update({ retentionDays: keepAll ? null : parsed });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="logs-retention" aria-labelledby="logs-retention-title">
      <h2 id="logs-retention-title">{t('logs.retention.title')}</h2>
      <p className="help">
        {stored === null ? t('logs.retention.currentAll') : t('logs.retention.currentDays', { days: stored })}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void save();
        }}
      >
        <fieldset>
          <legend className="visually-hidden">{t('logs.retention.title')}</legend>
          <label className="inline">
            <input type="radio" name="retention" checked={keepAll} onChange={() => setKeepAll(true)} />
            {t('logs.retention.keepAll')}
          </label>
          <label className="inline">
            <input type="radio" name="retention" checked={!keepAll} onChange={() => setKeepAll(false)} />
            {t('logs.retention.keepDaysBefore')}
          </label>
          <input
            type="number"
            min={1}
            max={MAX_DAYS}
            step={1}
            value={days}
            disabled={keepAll}
            aria-label={t('logs.retention.daysLabel')}
            aria-invalid={!valid}
            onChange={(event) => {
              setDays(event.target.value);
              setSaved(false);
            }}
          />
          <span>{t('logs.retention.keepDaysAfter')}</span>
          <button type="submit" disabled={!valid}>
            {t('logs.retention.save')}
          </button>
          {saved && (
            <span role="status" className="help">
              {t('logs.retention.saved')}
            </span>
          )}
        </fieldset>
      </form>
      {!valid && <p className="error-message">{t('logs.retention.invalid', { max: MAX_DAYS })}</p>}
      <p className="help">{t('logs.retention.help')}</p>
      <ErrorMessage error={error} />
    </section>
  );
}
