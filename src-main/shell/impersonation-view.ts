// The embedded Odoo page, acting as the impersonated user (docs/architecture.md,
// "The impersonation view"; SS-4, SS-5). One WebContentsView at a time, each on
// a fresh in-memory partition that holds the session cookie and nothing else's,
// placed inside the orange frame our own renderer draws, and wiped at close.
import { session, WebContentsView, type Session, type View } from 'electron';
import type { ViewBounds } from '../../src-preload/contract';
import { ConsoleError, OriginPolicy, READ_ONLY, type ImpersonationViewPort, type ImpersonationViewSpec, type ViewAccess, type ViewActivity } from '../core';
import { RefusedNavigationRecovery, type ViewRefusalListener } from './refused-navigation';
import { attachRemoteViewGuards, type RefusalLogger } from './remote-view-guards';
import { setOdooSessionCookie } from './session-cookie';

/** What the view needs of the main window (a BrowserWindow satisfies it). */
export interface ViewHost {
  readonly contentView: Pick<View, 'addChildView' | 'removeChildView'>;
  isDestroyed(): boolean;
}

const PARTITION_PREFIX = 'impersonation-';
/** How long a close waits for Electron to destroy the page before wiping its partition anyway. */
export const DESTROY_WAIT_MS = 2_000;
const SESSION_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The partition of one session. No `persist:` prefix, so Electron keeps it in
 * memory only: the cookie never reaches disk (SS-4).
 */
export function partitionFor(sessionKey: string): string {
  if (!SESSION_KEY.test(sessionKey)) throw openFailed('bad-session-key');
  return `${PARTITION_PREFIX}${sessionKey}`;
}

interface OpenView {
  readonly view: WebContentsView;
  readonly partitionSession: Session;
  /** The cookie write in flight, so that a close during open clears after it. */
  cookieWrite: Promise<void>;
}

export class ImpersonationView implements ImpersonationViewPort {
  private current: OpenView | null = null;
  private closing: Promise<void> | null = null;
  private bounds: ViewBounds | null = null;
  private readonly usedPartitions = new Set<string>();
  private refusalListener: ViewRefusalListener = () => {};
  private navigatedListener: () => void = () => {};
  private activityListener: (activity: ViewActivity) => void = () => {};
  /** What the open page may do (issue 17): read-only until the session says otherwise. */
  private access: ViewAccess = READ_ONLY;

  constructor(
    private readonly host: ViewHost,
    private readonly logger: RefusalLogger,
  ) {}

  async open(spec: ImpersonationViewSpec): Promise<void> {
    // A start right after a stop waits for the old partition to be wiped first.
    if (this.closing) await this.closing.catch(() => undefined);
    if (this.current) throw openFailed('already-open');
    const partition = partitionFor(spec.sessionKey);
    // A partition is never reused, even after a failed open: a later session
    // must not find anything an earlier one left behind.
    if (this.usedPartitions.has(partition)) throw openFailed('partition-reused');
    const policy = new OriginPolicy(spec.origin);
    if (!policy.allows(spec.url)) throw openFailed('url-outside-origin');
    this.usedPartitions.add(partition);
    this.access = spec.access;

    const partitionSession = session.fromPartition(partition);
    const view = new WebContentsView({
      webPreferences: {
        partition,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        // DevTools would show the httpOnly session cookie: it stays in main.
        devTools: false,
        safeDialogs: true,
        spellcheck: false,
        navigateOnDragDrop: false,
      },
    });
    const current: OpenView = { view, partitionSession, cookieWrite: Promise.resolve() };
    this.current = current;
    try {
      const recovery = new RefusedNavigationRecovery(view.webContents, policy, (refusal) => this.refusalListener(refusal));
      attachRemoteViewGuards(view.webContents, policy, this.logger, {
        onRefused: (refusal) => recovery.refused(refusal),
        access: () => this.access,
        onActivity: (activity) => {
          if (this.current === current) this.activityListener(activity);
        },
      });
      // Every committed top-level navigation (a load, a reload, a form post): the tripwire asks the server at once.
      view.webContents.on('did-navigate', () => {
        if (this.current === current) this.navigatedListener();
      });
      current.cookieWrite = setOdooSessionCookie(partitionSession, policy, spec.sessionCookie);
      await current.cookieWrite;
      this.assertStillOpen(current);
      view.setVisible(false);
      this.host.contentView.addChildView(view);
      this.place(current);
      await view.webContents.loadURL(spec.url);
      this.assertStillOpen(current);
    } catch (error) {
      // Closed meanwhile: the load failed because we destroyed the page.
      if (this.current !== current) throw error instanceof ConsoleError ? error : openFailed('closed-during-open', error);
      await this.close().catch(() => undefined);
      throw error instanceof ConsoleError ? error : openFailed('load-failed', error);
    }
  }

  /** Who hears of every top-level navigation the view commits (the session's tripwire). */
  onNavigated(listener: () => void): void {
    this.navigatedListener = listener;
  }

  /** From now on the page's requests are decided with `access` (the session calls it once "Allow changes" is on the record). */
  setAccess(access: ViewAccess): void {
    this.access = access;
  }

  /** Who hears of every request the guards decided on (the session's timeline and the banner's read-only notice). */
  onActivity(listener: (activity: ViewActivity) => void): void {
    this.activityListener = listener;
  }

  /** Who hears that the page was refused something the admin would notice (the banner, through main's events). */
  onViewRefused(listener: ViewRefusalListener): void {
    this.refusalListener = listener;
  }

  /**
   * Where the renderer's frame leaves room for the view, in window content
   * coordinates. Empty bounds hide it; bounds reported before `open` apply to
   * the next view.
   */
  setBounds(bounds: ViewBounds): void {
    this.bounds = { ...bounds };
    if (this.current) this.place(this.current);
  }

  /** Hides and destroys the view, then wipes its partition. Idempotent. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const current = this.current;
    if (!current) return Promise.resolve();
    this.current = null;
    this.closing = this.teardown(current).finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  /** True while a view is shown or being opened. */
  get isOpen(): boolean {
    return this.current !== null;
  }

  private place({ view }: OpenView): void {
    const bounds = this.bounds;
    if (!bounds || bounds.width === 0 || bounds.height === 0) {
      view.setVisible(false);
      return;
    }
    view.setBounds(bounds);
    view.setVisible(true);
  }

  private assertStillOpen(current: OpenView): void {
    if (this.current !== current) throw openFailed('closed-during-open');
  }

  private async teardown({ view, partitionSession, cookieWrite }: OpenView): Promise<void> {
    view.setVisible(false);
    if (!this.host.isDestroyed()) this.host.contentView.removeChildView(view);
    // Electron destroys the page on a later tick: wait for it (bounded), so that
    // nothing the page still sends lands in the partition after the wipe.
    await destroyed(view.webContents);
    // Clear after any cookie write still in flight, or it would land afterwards.
    await cookieWrite.catch(() => undefined);
    const results = await Promise.allSettled([
      partitionSession.clearStorageData(),
      partitionSession.clearCache(),
      partitionSession.clearAuthCache(),
    ]);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw new ConsoleError('view', 'errors.viewClearFailed', undefined, { cause: failure.reason });
  }
}

function destroyed(contents: WebContentsView['webContents']): Promise<void> {
  if (contents.isDestroyed()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, DESTROY_WAIT_MS);
    contents.once('destroyed', () => {
      clearTimeout(timer);
      resolve();
    });
    contents.close();
  });
}

function openFailed(reason: string, cause?: unknown): ConsoleError {
  return new ConsoleError('view', 'errors.viewOpenFailed', { reason }, cause === undefined ? undefined : { cause });
}
