// `npm run demo`: the console comes up already connected to the bundled Odoo
// simulator (admin/admin on database "odoo"). Only ever used in development —
// the Electron root honours it only when the app is not packaged.
import type { ConsoleInstance } from './console';

export const DEMO_URL_VARIABLE = 'CONSOLE_DEMO_ODOO_URL';

export async function connectToDemoServer(services: ConsoleInstance, url: string, database = 'odoo'): Promise<void> {
  const existing = services.connections.list().connections.find((connection) => connection.name === 'Demo (Odoo simulator)');
  const saved = services.connections.save({
    id: existing?.id,
    name: 'Demo (Odoo simulator)',
    url,
    database,
    login: 'admin',
    password: 'admin',
    rememberPassword: false,
  });
  await services.connections.connect({ id: saved.id });
}
