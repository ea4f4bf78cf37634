import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../../src-main/core/console-error';
import { OdooError, odooErrorKey } from '../../../src-main/odoo';
import { errorFromRpc } from '../../../src-main/odoo/odoo-error';

describe('errorFromRpc', () => {
  it.each([
    ['odoo.exceptions.AccessDenied', 'Access Denied', 'access-denied'],
    ['odoo.http.SessionExpiredException', 'Session expired', 'session-expired'],
    ['odoo.exceptions.AccessError', 'Database not found.', 'database-not-found'],
    ['odoo.exceptions.AccessError', 'You are not allowed', 'access-error'],
    ['odoo.exceptions.UserError', "It's you.", 'user-error'],
    ['odoo.exceptions.ValidationError', 'bad', 'user-error'],
    ['odoo.exceptions.MissingError', 'gone', 'missing-record'],
    ['builtins.KeyError', 'params', 'server-error'],
  ])('maps %s (%s) to %s', (name, message, kind) => {
    expect(errorFromRpc({ name, message }).kind).toBe(kind);
  });

  it("carries Odoo's message for a user error, shortened", () => {
    expect(errorFromRpc({ name: 'odoo.exceptions.UserError', message: "It's you." }).params).toEqual({ message: "It's you." });
    const long = errorFromRpc({ name: 'odoo.exceptions.UserError', message: 'x'.repeat(5000) });
    expect(String(long.params?.message).length).toBeLessThanOrEqual(501);
  });

  it('is a ConsoleError with a key in the odoo resource', () => {
    const error = new OdooError('not-odoo');
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error.key).toBe('odoo.notOdoo');
    expect(odooErrorKey('response-too-large')).toBe('odoo.responseTooLarge');
  });

  it('never keeps the traceback', () => {
    const error = errorFromRpc({ name: 'builtins.Exception', message: 'x', debug: 'Traceback ... /opt/odoo' } as never);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Traceback');
  });
});
