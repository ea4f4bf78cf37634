// IN-2: generated junk for every channel of the contract, sent through the same
// dispatch() both transports use, to a connected console: every answer is an
// envelope — a value, or a typed error — and never an unexpected failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodChannels } from '../../../src-preload/channels';
import { connectAs, startConsoleWithSim, type ConsoleUnderTest } from './console-fixture';

let console: ConsoleUnderTest;
beforeAll(async () => {
  console = await startConsoleWithSim();
  await connectAs(console);
});
afterAll(() => console.close());

/** Junk, and near-misses: objects with the contract's own field names holding the wrong things. */
const fieldNames = ['id', 'name', 'url', 'database', 'login', 'password', 'query', 'page', 'pageSize', 'targetId', 'reason', 'text', 'format', 'filters', 'sort', 'language', 'x', 'width'];
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.anything({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double()), { maxKeys: 5 }),
);

// Channels that would change what the other channels see are fuzzed on a throwaway console.
const sideEffects = new Set(['connections:disconnect', 'connections:remove', 'impersonation:start', 'impersonation:stop', 'settings:set']);

describe('every channel with junk payloads', () => {
  it('answers a value or a typed error, never an internal failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methodChannels.filter((c) => !sideEffects.has(c))), junk, async (channel, payload) => {
        const answer = await console.callRaw(channel, payload);
        if (!answer.ok) {
          expect(typeof answer.error.kind).toBe('string');
          expect(answer.error.key).toMatch(/^[a-z]+\.[A-Za-z.]+$/);
          expect(answer.error.kind).not.toBe('internal');
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('does the same for the channels that change state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sideEffects), junk, async (channel, payload) => {
        const answer = await console.callRaw(channel, payload);
        if (!answer.ok) expect(answer.error.kind).not.toBe('internal');
      }),
      { numRuns: 200 },
    );
    // Still alive and answering afterwards.
    expect(await console.callRaw('app:info')).toMatchObject({ ok: true });
  }, 120_000);

  it('refuses unknown channels and non-string channel names', async () => {
    for (const channel of ['shell:openExternal', '', '__proto__', 'constructor', 42, null]) {
      expect(await console.callRaw(channel as string, {})).toMatchObject({ ok: false, error: { kind: 'unknown-channel' } });
    }
  });
});
