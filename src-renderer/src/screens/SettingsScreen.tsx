// Settings: the language switch (persisted in main, applied at once), the
// session limit (which may be lowered below the hard hour, never raised), and
// what this console is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language } from '../../../src-preload/contract';
import { MAX_SESSION_MINUTES } from '../../../src-preload/limits';
import { consoleApi } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { languages } from '../i18n';
import { useSettings } from '../stores/settings-store';

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
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('app.settings.title')}</h1>
      <div className="field">
        <label htmlFor="language">{t('app.settings.language')}</label>
        <select
          id="language"
          value={settings?.language ?? 'en'}
          onChange={(event) => onLanguage(event.target.value as Language)}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`app.languageName.${language}`)}
            </option>
          ))}
        </select>
        <p className="help">{t('app.settings.languageHelp')}</p>
      </div>
      <div className="field">
        <label htmlFor="session-limit">{t('app.settings.sessionLimit')}</label>
        <select
          id="session-limit"
          value={settings?.sessionLimitMinutes ?? MAX_SESSION_MINUTES}
          onChange={(event) => onLimit(Number(event.target.value))}
        >
          {SESSION_LIMITS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('app.settings.minutes', { count: minutes })}
            </option>
          ))}
        </select>
        <p className="help">{t('app.settings.sessionLimitHelp', { max: MAX_SESSION_MINUTES })}</p>
      </div>
      <ErrorMessage error={error} />
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
