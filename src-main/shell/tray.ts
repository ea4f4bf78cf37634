// The tray icon: grey when idle, orange while impersonating, with the status
// line and every action in its menu (tray-menu-model.ts decides what shows).
// It is rebuilt only when something visible changes, not on every countdown tick.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Countdown, SessionView } from '../../src-preload/contract';
import type { Translate } from './session-status-text';
import { trayMenuModel, type TrayAction, type TrayMenuEntry, type TrayMenuModel } from './tray-menu-model';
import { IDLE_SESSION_VIEW } from '../core';

/** The 16 px icons; Electron picks the `@2x` file beside each on HiDPI screens. */
export interface TrayIconPaths {
  idle: string;
  active: string;
}

export interface TrayActions {
  /** The flow's stop('tray'). */
  onStop(): void;
  onShow(): void;
  onQuit(): void;
}

export interface ConsoleTrayOptions {
  icons: TrayIconPaths;
  t: Translate;
  actions: TrayActions;
}

export class ConsoleTray {
  private readonly tray: Tray;
  private readonly icons: Record<TrayMenuModel['icon'], NativeImage>;
  private t: Translate;
  private view: SessionView = IDLE_SESSION_VIEW;
  private shownIcon: TrayMenuModel['icon'] | null = null;
  private shownModel = '';

  constructor(private readonly options: ConsoleTrayOptions) {
    this.icons = {
      idle: nativeImage.createFromPath(options.icons.idle),
      active: nativeImage.createFromPath(options.icons.active),
    };
    this.t = options.t;
    this.tray = new Tray(this.icons.idle);
    // Windows and macOS deliver clicks on the icon; Linux does not, which is
    // why "Show console" is in the menu as well.
    this.tray.on('click', () => options.actions.onShow());
    this.render();
  }

  update(view: SessionView): void {
    this.view = view;
    this.render();
  }

  /** Between state changes the countdown only moves the minutes. */
  updateCountdown(countdown: Countdown): void {
    if (this.view.phase !== 'active') return;
    this.view = { ...this.view, secondsLeft: countdown.secondsLeft, warning: countdown.warning };
    this.render();
  }

  /** After a language change. */
  setTranslate(t: Translate): void {
    this.t = t;
    this.render();
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private render(): void {
    if (this.tray.isDestroyed()) return;
    const model = trayMenuModel(this.view, this.t);
    const serialised = JSON.stringify(model);
    if (serialised === this.shownModel) return;
    this.shownModel = serialised;
    if (model.icon !== this.shownIcon) {
      this.tray.setImage(this.icons[model.icon]);
      this.shownIcon = model.icon;
    }
    this.tray.setToolTip(model.tooltip);
    // Linux needs setContextMenu again after any change to the menu.
    this.tray.setContextMenu(Menu.buildFromTemplate(model.entries.map((entry) => this.menuItem(entry))));
  }

  private menuItem(entry: TrayMenuEntry): MenuItemConstructorOptions {
    switch (entry.kind) {
      case 'status':
        return { label: entry.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { id: entry.action, label: entry.label, enabled: entry.enabled, click: () => this.run(entry.action) };
    }
  }

  private run(action: TrayAction): void {
    const { actions } = this.options;
    if (action === 'stop') actions.onStop();
    else if (action === 'show') actions.onShow();
    else actions.onQuit();
  }
}
