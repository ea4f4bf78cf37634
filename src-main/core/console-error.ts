// Every error the UI may see carries a kind to branch on and a translation key
// (under `messages` in the i18n resources) so it can be said precisely in
// English and Spanish. Nothing secret goes into params.

export type MessageParams = Record<string, string | number>;

export class ConsoleError extends Error {
  constructor(
    readonly kind: string,
    readonly key: string,
    readonly params?: MessageParams,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${key}`, options);
    this.name = 'ConsoleError';
  }
}

export function isConsoleError(value: unknown): value is ConsoleError {
  return value instanceof ConsoleError;
}
