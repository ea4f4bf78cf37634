// How the session is named outside the console's own UI: the tray's status
// line and tooltip, and the window title (which names the impersonated user so
// that it shows in the task switcher too). Pure: strings from a SessionView.
import type { SessionView } from '../../src-preload/contract';
import { minutesLeft } from '../../src-preload/time-left';

/** i18next's `t`, or anything that answers a translated string for a key. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

function targetName(view: SessionView): string | null {
  if (!view.target) return null;
  return view.target.name.trim() || view.target.login;
}

/** One line: what is happening now ("Impersonating Alice Anderson — 42 min left"). */
export function sessionStatusLine(view: SessionView, t: Translate): string {
  const name = targetName(view);
  if (name === null) return t('tray.statusIdle');
  if (view.serverEndPending) return t('tray.statusServerEndPending', { name });
  switch (view.phase) {
    case 'starting':
      return t('tray.statusStarting', { name });
    case 'active':
      return t('tray.statusActive', { name, minutes: minutesLeft(view.secondsLeft) });
    case 'stopping':
      return t('tray.statusStopping', { name });
    case 'idle':
    case 'ended':
      return t('tray.statusIdle');
  }
}

/** True while the user should see the orange (active) marks. */
export function isImpersonating(view: SessionView): boolean {
  return view.phase === 'starting' || view.phase === 'active' || view.phase === 'stopping' || view.serverEndPending;
}

/** The main window's title: names the impersonated user while a session runs. */
export function windowTitle(view: SessionView, t: Translate): string {
  const name = targetName(view);
  if (name !== null && (view.phase === 'starting' || view.phase === 'active')) {
    return t('tray.windowTitleImpersonating', { name });
  }
  return t('tray.windowTitle');
}
