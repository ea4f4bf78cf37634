// The databases a server offers, for the Connect screen. Servers often refuse to
// list them (list_db = False answers AccessDenied): then null, and the user types it.
import { z } from 'zod';
import { OdooClient } from './odoo-client';
import { isOdooError } from './odoo-error';
import { resultOf } from './rpc-channel';
import { parseServerUrl } from './server-url';
import type { OdooTransportOptions } from './odoo-connection';

export async function listDatabases(url: string, transport: OdooTransportOptions = {}): Promise<string[] | null> {
  const client = new OdooClient({ baseUrl: parseServerUrl(url).baseUrl, ...transport });
  try {
    return resultOf(await client.call('/web/database/list', {}), z.array(z.string()), 'database-list');
  } catch (error) {
    if (isOdooError(error, 'access-denied') || isOdooError(error, 'access-error')) return null;
    throw error;
  }
}
