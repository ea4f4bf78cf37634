// How long the console keeps its audit rows (Settings.retentionDays; null keeps
// everything). Main does the pruning and keeps what has not been synced and
// the chain's anchor; this setting only states the choice.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useSettings } from '../../stores/settings-store';

const MAX_DAYS = 36_500;

export function RetentionSetting() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const settings = useSettings((state) => state.settings);
  const update = useSettings((state) => state.update);
  const stored = settings?.retentionDays ?? null;
  const [keepAll, setKeepAll] = useState(stored === null);
  const [days, setDays] = useState(String(stored ?? 365));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setKeepAll(stored === null);
    if (stored !== null) setDays(String(stored));
  }, [stored]);

  const parsed = Number(days);
  const valid = keepAll || (Number.isInteger(parsed) && parsed >= 1 && parsed <= MAX_DAYS);
  const number = new Intl.NumberFormat(i18n.language);

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

  const errorId = `${ids}-error`;
  return (
    <form
      className="settings-section"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void save();
      }}
    >
      <fieldset>
        <legend id={`${ids}-title`} className="field-label">
          {t('logs.retention.title')}
        </legend>
        <p className="help">{stored === null ? t('logs.retention.currentAll') : t('logs.retention.currentDays', { days: number.format(stored) })}</p>
        <label className="checkbox">
          <input type="radio" name="retention" checked={keepAll} onChange={() => setKeepAll(true)} />
          {t('logs.retention.keepAll')}
        </label>
        <div className="retention-days">
          <label className="checkbox">
            <input type="radio" name="retention" checked={!keepAll} onChange={() => setKeepAll(false)} />
            {t('logs.retention.keepDaysBefore')}
          </label>
          <input
            className="control retention-input"
            type="number"
            min={1}
            max={MAX_DAYS}
            step={1}
            value={days}
            disabled={keepAll}
            aria-label={t('logs.retention.daysLabel')}
            aria-invalid={valid ? undefined : true}
            aria-describedby={valid ? undefined : errorId}
            onChange={(event) => {
              setDays(event.target.value);
              setSaved(false);
            }}
          />
          <span>{t('logs.retention.keepDaysAfter')}</span>
        </div>
        {!valid && (
          <p id={errorId} className="field-error">
            {t('logs.retention.invalid', { max: number.format(MAX_DAYS) })}
          </p>
        )}
        <p className="help">{t('logs.retention.help')}</p>
        <div className="actions">
          <Button type="submit" disabled={!valid}>
            {t('logs.retention.save')}
          </Button>
          {saved && (
            <span role="status" className="help">
              {t('logs.retention.saved')}
            </span>
          )}
        </div>
      </fieldset>
      <ErrorMessage error={error} />
    </form>
  );
}
