// `npm run demo`: the console comes up already connected to the bundled Odoo
// simulator (admin/admin on database "odoo"). Only ever used in development —
// the Electron root honours it only when the app is not packaged. The connection is
// named in the console's language, and renamed when the language changes.
import type { ConsoleInstance } from './console';
import { mainTranslator } from '../api';
import type { Language } from '../../src-preload/contract';

export const DEMO_URL_VARIABLE = 'CONSOLE_DEMO_ODOO_URL';

const demoName = (language: Language) => mainTranslator(language)('demo.connectionName');
const DEMO_LOGIN = 'admin';

export async function connectToDemoServer(services: ConsoleInstance, url: string, database = 'odoo'): Promise<void> {
  const names = new Set((['en', 'es'] as const).map(demoName));
  const existing = services.connections.list().connections.find((connection) => names.has(connection.name));
  const save = (language: Language, id?: string) =>
    services.connections.save({
      id,
      name: demoName(language),
      url,
      database,
      login: DEMO_LOGIN,
      password: DEMO_LOGIN, // the simulator's admin password is its login
      rememberPassword: false,
    });
  const saved = save(services.settings.get().language, existing?.id);
  services.events.listen((event, payload) => {
    if (event === 'settingsChanged') save((payload as { language: Language }).language, saved.id);
  });
  await services.connections.connect({ id: saved.id });
}
