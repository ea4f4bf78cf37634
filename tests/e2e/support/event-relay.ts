// Stands between the page and the harness's WebSocket (Playwright's routeWebSocket), to
// hold main's pushes for a moment or add one: the Session screen's "starting" state lasts
// a fraction of a second, the 5-minute warning comes after 55 minutes, and a notice needs
// a damaged database or a crash. Everything else passes through untouched, both ways.
import type { Page, WebSocketRoute } from '@playwright/test';
import type { EventPayload } from '../../../src-preload/contract';
import { eventChannels, type EventName } from '../../../src-preload/channels';

interface Push {
  event?: string;
  payload?: unknown;
}

export class EventRelay {
  private route: WebSocketRoute | null = null;
  private held: string[] | null = null;
  private holdAfter: ((push: Push) => boolean) | null = null;
  private dropped = new Set<string>();

  /** Call before the page opens the console. */
  async attach(page: Page): Promise<void> {
    await page.routeWebSocket(/\/ws\?token=/, (route) => {
      this.route = route;
      const server = route.connectToServer();
      server.onMessage((message) => this.fromMain(String(message)));
    });
  }

  /** From the first push that matches on, hold everything main sends until `release`. */
  holdFrom(matches: (push: Push) => boolean): void {
    this.holdAfter = matches;
  }

  release(): void {
    const queued = this.held ?? [];
    this.held = null;
    this.holdAfter = null;
    for (const message of queued) this.deliver(message);
  }

  /** Main's own pushes of this event stop reaching the page (until `pass`). */
  drop(event: EventName): void {
    this.dropped.add(eventChannels[event]);
  }

  pass(event: EventName): void {
    this.dropped.delete(eventChannels[event]);
  }

  /** A push as main would send it, contract-shaped. */
  push<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.route?.send(JSON.stringify({ event: eventChannels[event], payload }));
  }

  private fromMain(message: string): void {
    let push: Push = {};
    try {
      push = JSON.parse(message) as Push;
    } catch {
      // not ours to judge: pass it on
    }
    if (push.event && this.dropped.has(push.event)) return;
    if (this.held) {
      this.held.push(message);
      return;
    }
    this.deliver(message);
    if (this.holdAfter?.(push)) this.held = [];
  }

  private deliver(message: string): void {
    this.route?.send(message);
  }
}

/** The session-state push of a phase. */
export function isSessionPhase(phase: string): (push: Push) => boolean {
  return (push) => push.event === eventChannels.sessionState && (push.payload as { phase?: string } | undefined)?.phase === phase;
}
