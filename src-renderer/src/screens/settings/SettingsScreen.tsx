// Settings: the language switch (persisted in main, applied at once), the session limit
// (which may be lowered below the hard hour, never raised), how long the audit log keeps
// records, whether a connection's sessions may change data from the start (issue 17),
// and what this console is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../../../src-preload/contract';
import { MAX_SESSION_MINUTES } from '../../../../src-preload/limits';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/ui';
import { languages } from '../../i18n';
import { useSettings } from '../../stores/settings-store';
import { ChangesSetting } from './ChangesSetting';
import { RetentionSetting } from './RetentionSetting';
import './settings.css';

/** The choices offered; main refuses anything above the hard limit whatever the UI sends. */
const SESSION_LIMITS = [15, 30, 45, MAX_SESSION_MINUTES];

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettings((state) => state.settings);
  const setLanguage = useSettings((state) => state.setLanguage);
  const update = useSettings((state) => state.update);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    consoleApi().app.info().then(setInfo, setError);
  }, []);

  const onLanguage = (language: Language) => {
    setError(null);
    setLanguage(language).catch(setError);
  };

  const onLimit = (minutes: number) => {
    setError(null);
    update({ sessionLimitMinutes: minutes }).catch(setError);
  };

  return (
    <section className="screen settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('app.settings.title')}</h1>
      <div className="settings-grid">
        <div>
          <Field id="language" label={t('app.settings.language')} help={t('app.settings.languageHelp')}>
            {(control) => (
              <select {...control} value={settings?.language ?? 'en'} onChange={(event) => onLanguage(event.target.value as Language)}>
                {languages.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {t(`app.languageName.${language}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="session-limit" label={t('app.settings.sessionLimit')} help={t('app.settings.sessionLimitHelp', { max: MAX_SESSION_MINUTES })}>
            {(control) => (
              <select {...control} value={settings?.sessionLimitMinutes ?? MAX_SESSION_MINUTES} onChange={(event) => onLimit(Number(event.target.value))}>
                {SESSION_LIMITS.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {t('app.settings.minutes', { count: minutes })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorMessage error={error} />
        </div>
        <RetentionSetting />
        <ChangesSetting />
      </div>
      {info && (
        <div className="about">
          <h2>{t('app.settings.about')}</h2>
          <p>{t('app.settings.version', { version: info.version, platform: info.platform })}</p>
          <p>
            {info.transport === 'ipc'
              ? t('app.settings.runtimeElectron', { version: info.electronVersion ?? '?' })
              : t('app.settings.runtimeHarness')}
          </p>
        </div>
      )}
    </section>
  );
}
