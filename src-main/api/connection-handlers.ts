// connections:* and users:* — saved connections, the admin check, and the user
// picker's search over the active connection.
import type { ConsoleHandlers } from '../../src-preload/contract';
import type { ConnectionService } from '../connections';

export function connectionHandlers(
  connections: ConnectionService,
): Pick<
  ConsoleHandlers,
  | 'connections:list'
  | 'connections:save'
  | 'connections:remove'
  | 'connections:databases'
  | 'connections:test'
  | 'connections:connect'
  | 'connections:disconnect'
  | 'connections:status'
  | 'connections:freezeBaseUrl'
  | 'users:search'
> {
  return {
    'connections:list': () => connections.list(),
    'connections:save': (input) => connections.save(input),
    'connections:remove': async ({ id }) => {
      await connections.remove(id);
      return { ok: true };
    },
    'connections:databases': async ({ url }) => ({ databases: await connections.databases(url) }),
    'connections:test': (request) => connections.test(request),
    'connections:connect': (request) => connections.connect(request),
    'connections:disconnect': async () => {
      await connections.disconnect();
      return { ok: true };
    },
    'connections:status': () => connections.status(),
    'connections:freezeBaseUrl': ({ address }) => connections.freezeBaseUrl(address),
    'users:search': ({ query, page, pageSize, includeArchived }) =>
      connections.requireActive().odoo.searchUsers(query, page, pageSize, { includeArchived }),
  };
}
