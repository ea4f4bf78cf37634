// BrowserWindow and WebContentsView. Both need the app to be ready. A window's
// close() asks its 'close' listeners first (preventDefault keeps it open and
// cancels a quit in progress); otherwise it is destroyed on a later tick with
// 'closed', and from then on every method throws "Object has been destroyed" —
// isMinimized() included, which is how a late "show the window" breaks.
import { EventEmitter } from 'node:events';
import { windowWasClosed, windowCloseCancelled } from './app';
import { session } from './session';
import { destroyedError, fakeEvent, state } from './state';
import { FakeWebContents } from './web-contents';

export interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeViewOptions {
  webPreferences?: Record<string, unknown> & { partition?: string };
}

export class WebContentsView {
  readonly webContents: FakeWebContents;
  bounds: FakeBounds = { x: 0, y: 0, width: 0, height: 0 };
  visible = true;

  constructor(readonly options: FakeViewOptions = {}) {
    state.requireReady('WebContentsView');
    this.webContents = new FakeWebContents(session.fromPartition(options.webPreferences?.partition ?? ''));
    state.created.views.push(this);
  }

  setBounds(bounds: FakeBounds): void {
    this.bounds = { ...bounds };
  }

  getBounds(): FakeBounds {
    return { ...this.bounds };
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  getVisible(): boolean {
    return this.visible;
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly children: unknown[] = [];
  title: string;
  shown = false;
  minimized = false;
  focused = false;
  private destroyed = false;
  private closing = false;
  readonly contentView = {
    addChildView: (view: unknown): void => {
      this.alive();
      this.children.push(view);
    },
    removeChildView: (view: unknown): void => {
      this.alive();
      const index = this.children.indexOf(view);
      if (index >= 0) this.children.splice(index, 1);
    },
  };

  static getAllWindows(): BrowserWindow[] {
    return (state.created.windows as BrowserWindow[]).filter((window) => !window.destroyed);
  }

  constructor(readonly options: { title?: string; show?: boolean; webPreferences?: Record<string, unknown> } = {}) {
    super();
    state.requireReady('BrowserWindow');
    this.title = options.title ?? '';
    this.shown = options.show !== false;
    this.webContents = new FakeWebContents(session.defaultSession);
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', fakeEvent()));
    state.created.windows.push(this);
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError();
  }

  loadURL(url: string): Promise<void> {
    this.alive();
    return this.webContents.loadURL(url);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    this.alive();
    return this.minimized;
  }

  isVisible(): boolean {
    this.alive();
    return this.shown;
  }

  minimize(): void {
    this.alive();
    this.minimized = true;
  }

  restore(): void {
    this.alive();
    this.minimized = false;
  }

  show(): void {
    this.alive();
    this.shown = true;
  }

  hide(): void {
    this.alive();
    this.shown = false;
  }

  focus(): void {
    this.alive();
    this.focused = true;
  }

  setTitle(title: string): void {
    this.alive();
    this.title = title;
  }

  getTitle(): string {
    this.alive();
    return this.title;
  }

  /** Asks the 'close' listeners; unless one prevents it, the window goes on a later tick. */
  close(): void {
    this.alive();
    if (this.closing) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) {
      windowCloseCancelled();
      return;
    }
    this.closing = true;
    setImmediate(() => this.destroy());
  }

  /** Gone at once, without asking ('closed' still fires). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyNow();
    this.emit('closed');
    windowWasClosed();
  }
}
