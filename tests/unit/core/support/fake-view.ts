// The embedded view as the flow drives it: records every open and close, refuses a
// second view while one is open (the console has one), and can fail to open.
import type { ImpersonationViewPort, ImpersonationViewSpec, ViewActivity } from '../../../../src-main/core/ports';
import type { ViewAccess } from '../../../../src-main/core/view-policy';

export class FakeView implements ImpersonationViewPort {
  isOpen = false;
  failOpen = false;
  readonly opened: ImpersonationViewSpec[] = [];
  closes = 0;
  readonly violations: string[] = [];
  /** Runs when open() is called, before the view counts as open (e.g. to check write-ahead). */
  onOpen: (spec: ImpersonationViewSpec) => void = () => undefined;
  /** When set, open() shows the view, then waits for this before it answers (races). */
  openGate: Promise<void> | null = null;

  async open(spec: ImpersonationViewSpec): Promise<void> {
    this.onOpen(spec);
    if (this.failOpen) throw new Error('view could not be created');
    if (this.isOpen) this.violations.push('a second view opened while one was open');
    this.isOpen = true;
    this.opened.push(spec);
    if (this.openGate) await this.openGate;
  }

  async close(): Promise<void> {
    this.isOpen = false;
    this.closes += 1;
  }

  private navigated: () => void = () => undefined;

  onNavigated(listener: () => void): void {
    this.navigated = listener;
  }

  /** The page committed a top-level navigation (a reload, a link, a form post). */
  navigate(): void {
    if (this.isOpen) this.navigated();
  }

  /** Every access the session set, in order (the spec's first). */
  readonly accesses: ViewAccess[] = [];
  private activity: (activity: ViewActivity) => void = () => undefined;

  setAccess(access: ViewAccess): void {
    this.accesses.push(access);
  }

  onActivity(listener: (activity: ViewActivity) => void): void {
    this.activity = listener;
  }

  /** The page sent a request the guards decided on. */
  request(activity: ViewActivity): void {
    if (this.isOpen) this.activity(activity);
  }
}
