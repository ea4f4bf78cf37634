// docs/odoo.md, Transport: the JSON-RPC envelope, errors at HTTP 200, HTML for a JSON
// route called the wrong way, what a body that is no envelope gets, and the
// connector's reading of all of it — the same where the versions agree, per
// version (as the server reports it) where they differ.
import { describe, expect, it } from 'vitest';
import { OdooError } from '../../src-main/odoo';
import { runScenario, type ScenarioName } from './protocol-scenarios';
import { eachTarget, useTarget } from './target';

describe.each(eachTarget())('the JSON-RPC transport of %s', (_label, spec) => {
  // Opened with its known users before the tests, closed after.
  const opened = useTarget(spec);
  const run = (name: ScenarioName) => runScenario(opened.target, opened.ids, name);

  it('answers an error with HTTP 200 and the Python class in data.name; code 200, and 0 from Odoo 19', async () => {
    const answer = (await run('wrong-password')).get('wrong password');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.envelope?.error?.code).toBe(opened.target.version >= 19 ? 0 : 200);
    expect(answer.envelope?.error?.message).toBe('Odoo Server Error');
    expect(answer.envelope?.error?.data.name).toBe('odoo.exceptions.AccessDenied');
    expect(answer.envelope).not.toHaveProperty('result');
    expect(answer.setCookie).toEqual([]);
  });

  it('echoes the request id in the answer', async () => {
    expect((await run('echo-id')).get('id 4242').envelope?.id).toBe(4242);
  });

  it('answers HTML to a JSON route called with GET or another content type: 400, and 415 from Odoo 19', async () => {
    const transcript = await run('wrong-request');
    for (const label of ['GET', 'text/plain', 'no content type']) {
      const answer = transcript.get(label);
      expect(answer.status, label).toBe(opened.target.version >= 19 ? 415 : 400);
      expect(answer.contentType, label).toMatch(/^text\/html/);
    }
    // A charset after the JSON content type is fine.
    expect(transcript.get('json with charset').envelope?.error?.data.name).toBe('odoo.http.SessionExpiredException');
  });

  it('answers a body that is no envelope with a TypeError, or a KeyError on call_kw from Odoo 18; id null', async () => {
    const transcript = await run('not-an-envelope');
    const authenticate = transcript.get('authenticate').envelope;
    expect(authenticate?.id).toBeNull();
    expect(authenticate?.error?.data.name).toBe('builtins.TypeError');
    expect(authenticate?.error?.data.message).toMatch(/missing 3 required positional arguments: 'db', 'login', and 'password'/);
    const callKw = transcript.get('call_kw').envelope;
    expect(callKw?.id).toBeNull();
    // 18 and 19 read `params` before anything else on call_kw; 17 calls the method without its arguments.
    expect(callKw?.error?.data.name).toBe(opened.target.version >= 18 ? 'builtins.KeyError' : 'builtins.TypeError');
    // A route without parameters simply serves the body it could not read.
    const info = transcript.get('get_session_info').envelope;
    expect(info?.id).toBeNull();
    expect(info?.result).toMatchObject({ uid: opened.ids.user });
  });

  it('answers a body that is not a JSON object with HTML 400', async () => {
    const transcript = await run('not-json');
    expect(transcript.get('array')).toMatchObject({ status: 400, text: 'Invalid JSON-RPC data' });
    expect(transcript.get('not json')).toMatchObject({ status: 400, text: 'Invalid JSON data' });
  });

  it('refuses a private method with an AccessError, and an unknown model with KeyError (17) or NotFound, code 404 (18, 19)', async () => {
    const transcript = await run('refused-calls');
    expect(transcript.get('private method').envelope?.error?.data.name).toBe('odoo.exceptions.AccessError');
    const unknown = transcript.get('unknown model').envelope;
    if (opened.target.version >= 18) {
      expect(unknown?.error).toMatchObject({ code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound' } });
      expect(unknown?.id).toBeNull();
    } else {
      expect(unknown?.error).toMatchObject({ code: 200, data: { name: 'builtins.KeyError' } });
    }
  });

  it('gives the connector a typed error without the server traceback', async () => {
    const connection = opened.target.connect({ login: opened.target.admin.login, password: 'definitely-wrong-password' });
    const error = await connection.authenticate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe('access-denied');
    expect((error as OdooError).key).toBe('odoo.accessDenied');
    expect(JSON.stringify(error)).not.toMatch(/Traceback|debug/);
  });
});
