// Ascending ids as inclusive ranges ([[1, 4], [9, 9]]): how a 'pruned' event names the
// session rows retention removed without growing with every one of them (LD-4).
export type IdRange = [number, number];

/** `ids` must be ascending. */
export function toRanges(ids: readonly number[]): IdRange[] {
  const ranges: IdRange[] = [];
  for (const id of ids) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

/** Whether `id` lies in one of `ranges` (read back from an event's payload: anything malformed counts as no range). */
export function inRanges(ranges: unknown, id: number): boolean {
  if (!Array.isArray(ranges)) return false;
  return ranges.some((range) => Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number' && id >= range[0] && id <= range[1]);
}
