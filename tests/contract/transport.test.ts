// docs/odoo.md, Transport: the JSON-RPC envelope, errors at HTTP 200, HTML for a JSON
// route called the wrong way, and the connector's reading of all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooError } from '../../src-main/odoo';
import { RawSession } from './raw-session';
import { openTarget, type ContractTarget } from './target';

let target: ContractTarget;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

describe('the JSON-RPC transport', () => {
  it('answers an error with HTTP 200 and the Python class in data.name', async () => {
    const raw = new RawSession(target.url);
    const answer = await raw.authenticate(target.database, target.admin.login, 'definitely-wrong-password');
    expect(answer.status).toBe(200);
    expect(answer.envelope?.error?.code).toBe(200);
    expect(answer.envelope?.error?.data.name).toBe('odoo.exceptions.AccessDenied');
    expect(answer.envelope).not.toHaveProperty('result');
  });

  it('echoes the request id in the answer', async () => {
    const raw = new RawSession(target.url);
    const answer = await raw.post('/web/session/authenticate', {}, {
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 4242, params: { db: target.database, login: 'x', password: 'y' } }),
    });
    expect(answer.envelope?.id).toBe(4242);
  });

  it('answers HTML with status 400 to a JSON route called with GET', async () => {
    const answer = await new RawSession(target.url).get('/web/session/get_session_info');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/text\/html/);
  });

  it('answers HTML with status 400 to a JSON route called with another content type', async () => {
    const answer = await new RawSession(target.url).post('/web/session/get_session_info', {}, { contentType: 'text/plain' });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/text\/html/);
  });

  it('answers a body that is not an envelope with builtins.KeyError', async () => {
    const answer = await new RawSession(target.url).post('/web/session/authenticate', null, { body: JSON.stringify({ hello: 'world' }) });
    expect(answer.envelope?.error?.data.name).toBe('builtins.KeyError');
  });

  it('refuses methods whose name starts with an underscore with an AccessError', async () => {
    const raw = new RawSession(target.url);
    await raw.authenticate(target.database, target.admin.login, target.admin.password);
    const answer = await raw.callKw('res.users', '_compute_display_name', [[]]);
    expect(answer.envelope?.error?.data.name).toBe('odoo.exceptions.AccessError');
    await raw.end();
  });

  it('gives the connector a typed error without the server traceback', async () => {
    const connection = target.connect({ login: target.admin.login, password: 'definitely-wrong-password' });
    const error = await connection.authenticate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe('access-denied');
    expect((error as OdooError).key).toBe('odoo.accessDenied');
    expect(JSON.stringify(error)).not.toMatch(/Traceback|debug/);
  });
});
