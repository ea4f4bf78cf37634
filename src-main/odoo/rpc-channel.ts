// What the connector's operations need to talk to Odoo: the plain client (a
// fresh impersonation session) and the admin API session (which re-authenticates
// once on expiry) both offer it. Answers are checked against a schema here so that
// a wrong shape is reported as "not Odoo" (IN-4).
import type { z } from 'zod';
import type { RpcAnswer } from './odoo-client';
import { OdooError } from './odoo-error';

export interface RpcChannel {
  call(path: string, params: Record<string, unknown>): Promise<RpcAnswer>;
  callKw(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<RpcAnswer>;
}

/** The result of an answer, parsed with `schema`; a missing or ill-shaped result is not Odoo. */
export function resultOf<T extends z.ZodType>(answer: RpcAnswer, schema: T, problem: string): z.output<T> {
  const parsed = schema.safeParse(answer.result);
  if (!answer.hasResult || !parsed.success) throw new OdooError('not-odoo', { problem });
  return parsed.data;
}

/** Odoo's `false` for an empty value. */
export function orNull<T>(value: T | false | null | undefined): T | null {
  return value === false || value === undefined ? null : value;
}
