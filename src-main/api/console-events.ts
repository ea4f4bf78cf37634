// The events main pushes to the UI, fanned out to every transport listening
// (the IPC bridge in the app, the WebSocket in the harness).
import type { EventName } from '../../src-preload/channels';
import type { EventPayload, EventSink } from '../../src-preload/contract';

export class ConsoleEvents {
  private readonly sinks = new Set<EventSink>();
  /** Notices raised at start-up, before any UI could listen (e.g. a database rebuilt). */
  private readonly stickyNotices: EventPayload<'notice'>[] = [];

  /** Adds a sink; returns the function that removes it. */
  listen(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** A notice that a UI starting later also gets (through app:notices); it replaces a standing one of the same topic. */
  noticeForEveryone(notice: EventPayload<'notice'>): void {
    const same = notice.topic === undefined ? -1 : this.stickyNotices.findIndex((standing) => standing.topic === notice.topic);
    if (same >= 0) this.stickyNotices.splice(same, 1, notice);
    else this.stickyNotices.push(notice);
    this.emit('notice', notice);
  }

  standingNotices(): EventPayload<'notice'>[] {
    return [...this.stickyNotices];
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink(event, payload);
  }
}
