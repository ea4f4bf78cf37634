// Every HTTP request the process sends, with when it began and ended, through a wrapped
// global fetch: the bench times the start and stop with it, and the console tests count
// the start's sequential round trips (issue 13) — a count of waves, not a timing.
/** Every HTTP request this process sends, with when it began and ended (global fetch). */
export class RequestWatch {
  private readonly log: Array<{ what: string; from: number; to: number }> = [];
  private readonly original = globalThis.fetch;

  install(): void {
    const original = this.original;
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const from = performance.now();
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { params?: { model?: string; method?: string } }) : null;
      const what = url.pathname.startsWith('/web/dataset/call_kw') && body?.params ? `${body.params.model}.${body.params.method}` : url.pathname;
      const entry = { what, from, to: Infinity };
      this.log.push(entry);
      try {
        const response = await original(input, init);
        const text = await response.arrayBuffer();
        entry.to = performance.now();
        return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      } catch (error) {
        entry.to = performance.now();
        throw error;
      }
    }) as typeof fetch;
  }

  uninstall(): void {
    globalThis.fetch = this.original;
  }

  /** When the last request for `what` begun in [from, to] was answered (`to` if none). */
  ended(what: string, from: number, to: number): number {
    const found = this.log.filter((r) => r.what === what && r.from >= from && r.from <= to).at(-1);
    return found ? found.to : to;
  }

  /** Requests begun in [from, to], and how many sequential waves they formed (a wave starts when none is in flight). */
  between(from: number, to: number): { requests: number; roundTrips: number; calls: string[] } {
    const inside = this.log.filter((r) => r.from >= from && r.from <= to).sort((a, b) => a.from - b.from);
    let waves = 0;
    let busyUntil = -Infinity;
    for (const request of inside) {
      if (request.from >= busyUntil) waves += 1;
      busyUntil = Math.max(busyUntil, request.to);
    }
    return { requests: inside.length, roundTrips: waves, calls: inside.map((r) => r.what) };
  }
}
