// Ctrl+C (or a SIGTERM) closes what a long-running development command started, in order,
// once, and then exits: the harness and its simulator, for `npm run harness` and `npm run demo`.
export function stopOnSignal(...closers: Array<(() => Promise<unknown>) | null>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void closers
      .reduce<Promise<unknown>>((done, close) => (close ? done.then(close) : done), Promise.resolve())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
