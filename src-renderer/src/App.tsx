// The app shell: navigation to the console's screens and the screen shown.
import { useTranslation } from 'react-i18next';
import { NoticeBar } from './components/NoticeBar';
import { SessionIndicator } from './screens/session/SessionIndicator';
import { screens } from './screens';
import { screenIds, useNavigation } from './stores/navigation-store';

export function App() {
  const { t } = useTranslation();
  const screen = useNavigation((state) => state.screen);
  const go = useNavigation((state) => state.go);
  const Screen = screens[screen];
  return (
    <div className="app">
      <nav className="nav" aria-label={t('app.nav.label')}>
        <div className="brand">{t('app.title')}</div>
        <SessionIndicator />
        <ul>
          {screenIds.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={id === screen ? 'nav-item active' : 'nav-item'}
                aria-current={id === screen ? 'page' : undefined}
                onClick={() => go(id)}
              >
                {t(`app.nav.${id}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <NoticeBar />
        <div className="screen-area">
          <Screen />
        </div>
      </main>
    </div>
  );
}
