// What the tests read from the app's main process: the impersonation view's
// webContents, its session, the window, and the diagnostic log. Each function
// passed to `app.evaluate` runs inside Electron (it is serialised: it may use
// only its arguments, never this module's variables).
import type { ElectronApplication } from '@playwright/test';
import type { WebContentsView } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ContentsInfo {
  id: number;
  url: string;
}

/** Every live webContents of the app: the console's own window and any view. */
export function allContents(app: ElectronApplication): Promise<ContentsInfo[]> {
  return app.evaluate(({ webContents }) =>
    webContents
      .getAllWebContents()
      .filter((contents) => !contents.isDestroyed())
      .map((contents) => ({ id: contents.id, url: contents.getURL() })),
  );
}

/** The webContents showing a page of `origin` (the impersonation view, if one is open). */
export async function contentsOf(app: ElectronApplication, origin: string): Promise<ContentsInfo[]> {
  return (await allContents(app)).filter((contents) => contents.url === origin || contents.url.startsWith(`${origin}/`));
}

/** Runs `expression` in the page of webContents `id` (as the page, not as our code). */
export function evaluateIn<T>(app: ElectronApplication, id: number, expression: string, userGesture = false): Promise<T> {
  return app.evaluate(
    ({ webContents }, call) => {
      const contents = webContents.fromId(call.id);
      if (!contents || contents.isDestroyed()) throw new Error(`no webContents ${call.id}`);
      return contents.executeJavaScript(call.expression, call.userGesture) as Promise<T>;
    },
    { id, expression, userGesture },
  );
}

/** The text of `selector` in that page, or null while it is absent. */
export function textIn(app: ElectronApplication, id: number, selector: string): Promise<string | null> {
  return evaluateIn(app, id, `document.querySelector(${JSON.stringify(selector)})?.textContent?.trim() ?? null`);
}

export interface ViewSessionFacts {
  isDefaultSession: boolean;
  persistent: boolean;
  /** Cookies named session_id for `origin` on the view's own session and on the default session (counts only: never the value). */
  sessionCookies: { view: number; defaultSession: number };
}

/** Where the view's cookies live (SS-4): its own in-memory partition, never the default session. */
export function viewSessionFacts(app: ElectronApplication, id: number, origin: string): Promise<ViewSessionFacts> {
  return app.evaluate(
    async ({ session, webContents }, call) => {
      const contents = webContents.fromId(call.id);
      if (!contents || contents.isDestroyed()) throw new Error(`no webContents ${call.id}`);
      const filter = { url: call.origin, name: 'session_id' };
      return {
        isDefaultSession: contents.session === session.defaultSession,
        persistent: contents.session.isPersistent(),
        sessionCookies: {
          view: (await contents.session.cookies.get(filter)).length,
          defaultSession: (await session.defaultSession.cookies.get(filter)).length,
        },
      };
    },
    { id, origin },
  );
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EmbeddedView {
  /** Null if the view outlived its webContents (it should not). */
  contentsId: number | null;
  visible: boolean;
  bounds: Bounds;
}

/** The WebContentsViews laid into the console's window, besides the window's own page. */
export function embeddedViews(app: ElectronApplication): Promise<EmbeddedView[]> {
  return app.evaluate(({ BrowserWindow, WebContentsView: ViewClass }) => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return [];
    return window.contentView.children
      .filter((child): child is WebContentsView => child instanceof ViewClass && child.webContents !== window.webContents)
      .map((view) => ({
        contentsId: view.webContents.isDestroyed() ? null : view.webContents.id,
        visible: view.getVisible(),
        bounds: view.getBounds(),
      }));
  });
}

/** The native title of the console's window (what the task switcher shows). */
export function mainWindowTitle(app: ElectronApplication): Promise<string | null> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? null);
}

export function windowCount(app: ElectronApplication): Promise<number> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
}

/** The lines of the console's diagnostic log (userData/logs/console.log) so far. */
export async function consoleLogLines(app: ElectronApplication): Promise<string[]> {
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  const file = path.join(userData, 'logs', 'console.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** Refusals the view's guards logged (remote-view-guards.ts), as `kind target` pairs. */
export async function viewRefusals(app: ElectronApplication): Promise<string[]> {
  const refusals: string[] = [];
  for (const line of await consoleLogLines(app)) {
    const match = / remote-view\.refused (\{.*\})$/.exec(line);
    if (!match) continue;
    const fields = JSON.parse(match[1]!) as { kind?: string; target?: string };
    refusals.push(`${fields.kind} ${fields.target}`);
  }
  return refusals;
}
