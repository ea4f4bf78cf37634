// Every error the UI may see carries a kind to branch on and a translation key
// (`<file>.<name>`, e.g. `odoo.accessDenied` in locales/<lng>/odoo.json) so it can be said precisely in
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
