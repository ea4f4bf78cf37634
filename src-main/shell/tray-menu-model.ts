// What the tray shows for a session, as data: icon, tooltip and menu entries.
// Every action sits in the menu itself because Linux trays ignore clicks on
// the icon. Pure, so each state can be checked in English and Spanish.
import type { SessionView } from '../../src-preload/contract';
import { isImpersonating, sessionStatusLine, type Translate } from './session-status-text';

export type TrayAction = 'stop' | 'show' | 'quit';

export type TrayMenuEntry =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean };

export interface TrayMenuModel {
  icon: 'idle' | 'active';
  tooltip: string;
  entries: TrayMenuEntry[];
}

export function trayMenuModel(view: SessionView, t: Translate): TrayMenuModel {
  const status = sessionStatusLine(view, t);
  return {
    icon: isImpersonating(view) ? 'active' : 'idle',
    tooltip: t('tray.tooltip', { status }),
    entries: [
      { kind: 'status', label: status },
      { kind: 'separator' },
      // Only an active session can be stopped: while starting or stopping the
      // flow is already on its way, and a second request would race it.
      { kind: 'action', action: 'stop', label: t('tray.stop'), enabled: view.phase === 'active' && !view.serverEndPending },
      { kind: 'action', action: 'show', label: t('tray.show'), enabled: true },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: t('tray.quit'), enabled: true },
    ],
  };
}
