// Renderer entry: load the settings from main, set up the language, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setupI18n } from './i18n';
import { followNotices } from './stores/notices-store';
import { followSession } from './stores/session-store';
import { followSettingsChanges, useSettings } from './stores/settings-store';
import './styles/tokens.css';
import './styles/base.css';

async function boot(): Promise<void> {
  const settings = await useSettings.getState().load();
  await setupI18n(settings.language);
  followSettingsChanges();
  followSession();
  followNotices();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  document.body.dataset.ready = 'true';
}

void boot();
