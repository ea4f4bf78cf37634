// connections:* and users:* — saved connections, the admin check, and the user
// picker's search over the active connection.
import type { ConsoleHandlers } from '../../src-preload/contract';
import type { ConnectionService } from '../connections';

/** Where a change of a safety setting goes on the record (the composition root adds the time and the host). */
export type SettingChangeSink = (change: { connectionKey: string; setting: 'changesFromStart'; value: boolean }) => Promise<void>;

export function connectionHandlers(
  connections: ConnectionService,
  recordSetting: SettingChangeSink = async () => {},
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
  | 'connections:setChangesFromStart'
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
    // Allowing changes from the start weakens the default: the choice is on the record first.
    'connections:setChangesFromStart': ({ id, changesFromStart }) =>
      connections.setChangesFromStart(id, changesFromStart, (connectionKey) =>
        recordSetting({ connectionKey, setting: 'changesFromStart', value: changesFromStart }),
      ),
    'connections:freezeBaseUrl': ({ address }) => connections.freezeBaseUrl(address),
    'users:search': ({ query, page, pageSize, includeArchived }) =>
      connections.requireActive().odoo.searchUsers(query, page, pageSize, { includeArchived }),
  };
}
