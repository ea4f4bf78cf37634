// A screen whose feature has not landed says so plainly: no fake data.
import { useTranslation } from 'react-i18next';

export function NotBuiltYet({ screen }: { screen: string }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="not-built-title">
      <h1 id="not-built-title">{t('app.notBuilt.title')}</h1>
      <p>{t('app.notBuilt.body', { screen })}</p>
    </section>
  );
}
