// Main-side half of the contract helpers: every call from any transport goes
// through dispatch(), which parses the payload with the channel's zod schema and
// turns every failure into a typed error envelope (IN-2: junk never crashes).
// registerIpcHandlers() is the only code that touches ipcMain; it gets ipcMain
// passed in so this file stays free of Electron and is tested in plain Node.
import type { ConsoleErrorShape, ConsoleHandlers, Envelope } from './contract';
import { methods } from './contract';
import { methodChannels, type MethodChannel } from './channels';

interface TypedFailure {
  kind: string;
  key: string;
  params?: Record<string, string | number>;
}

function isTypedFailure(error: unknown): error is TypedFailure {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<TypedFailure>;
  return typeof candidate.kind === 'string' && typeof candidate.key === 'string';
}

export function isMethodChannel(channel: unknown): channel is MethodChannel {
  return typeof channel === 'string' && (methodChannels as readonly string[]).includes(channel);
}

function failure(kind: string, key: string, params?: ConsoleErrorShape['params']): Envelope<never> {
  return { ok: false, error: params ? { kind, key, params } : { kind, key } };
}

export type UnexpectedErrorLog = (channel: string, error: unknown) => void;

/** A payload its channel's schema refused: the first failing field (a bounded, safe name) and the raw payload. */
export interface RefusedInput {
  channel: MethodChannel;
  field: string;
  payload: unknown;
}

/** What dispatch tells main besides the answer: an unexpected failure, and input its schema refused (AU-1). */
export interface DispatchHooks {
  logUnexpected?: UnexpectedErrorLog;
  refusedInput?: (refused: RefusedInput) => Promise<void> | void;
}

/** The path zod names, as a field name safe to show and store: `reason`, `filters.from`, `payload`. */
function fieldName(path: readonly PropertyKey[] | undefined): string {
  const joined = (path ?? []).map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('.');
  const safe = joined.replace(/[^A-Za-z0-9_.-]/g, '?').slice(0, 64);
  return safe || 'payload';
}

/** Validates and runs one call. Never throws. */
export async function dispatch(
  handlers: ConsoleHandlers,
  channel: unknown,
  payload: unknown,
  hooks: DispatchHooks | UnexpectedErrorLog = {},
): Promise<Envelope<unknown>> {
  const { logUnexpected = () => {}, refusedInput } = typeof hooks === 'function' ? { logUnexpected: hooks } : hooks;
  if (!isMethodChannel(channel)) return failure('unknown-channel', 'errors.unknownChannel');
  const parsed = methods[channel].input.safeParse(payload);
  if (!parsed.success) {
    const field = fieldName(parsed.error.issues[0]?.path);
    try {
      await refusedInput?.({ channel, field, payload });
    } catch (error) {
      logUnexpected(channel, error);
    }
    return failure('invalid-input', 'errors.invalidInput', { field });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isTypedFailure(error)) return failure(error.kind, error.key, error.params);
    logUnexpected(channel, error);
    return failure('internal', 'errors.internal');
  }
}

/** The slice of Electron's ipcMain this helper needs. */
export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers one handler per channel. `isTrustedSender` gets Electron's event and
 * must answer whether it comes from the console's own UI frame (SS-8).
 */
export function registerIpcHandlers<Event>(
  ipc: IpcMainLike<Event>,
  handlers: ConsoleHandlers,
  isTrustedSender: (event: Event) => boolean,
  hooks: DispatchHooks | UnexpectedErrorLog = {},
): () => void {
  for (const channel of methodChannels) {
    ipc.handle(channel, async (event: Event, payload: unknown) => {
      if (!isTrustedSender(event)) return failure('forbidden-sender', 'errors.forbiddenSender');
      return dispatch(handlers, channel, payload, hooks);
    });
  }
  return () => methodChannels.forEach((channel) => ipc.removeHandler(channel));
}
