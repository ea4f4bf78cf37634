// The Session screen between sessions and while one is opening or closing.
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../src-preload/contract';
import { ConsoleCallError } from '../../../../src-preload/renderer-invokers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useNavigation } from '../../stores/navigation-store';

export function NoSession({ view, loadError }: { view: SessionView | null; loadError: unknown }) {
  const { t } = useTranslation();
  const go = useNavigation((state) => state.go);
  return (
    <section className="screen" aria-labelledby="session-idle-title">
      <h1 id="session-idle-title">{t('session.idle.title')}</h1>
      <p>{t('session.idle.body')}</p>
      {/* A start that failed leaves main idle with the reason why. */}
      {view?.error && <ErrorMessage error={new ConsoleCallError(view.error)} />}
      <ErrorMessage error={loadError} />
      <div className="actions">
        <Button variant="primary" onClick={() => go('users')}>
          {t('session.toUsers')}
        </Button>
      </div>
    </section>
  );
}

export function SessionOpening({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="session-starting-title" aria-busy="true">
      <h1 id="session-starting-title">{t('session.starting.title')}</h1>
      <p role="status" className="session-progress">
        <span className="spinner" aria-hidden="true" />
        {t('session.starting.body')}
      </p>
      {view.target && <p>{t('session.starting.target', { name: view.target.name, login: view.target.login })}</p>}
    </section>
  );
}

export function SessionClosing({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="session-stopping-title" aria-busy="true">
      <h1 id="session-stopping-title">{t('session.stopping.title')}</h1>
      <p role="status" className="session-progress">
        <span className="spinner" aria-hidden="true" />
        {t('session.stopping.body', { name: view.target?.name ?? '' })}
      </p>
    </section>
  );
}
