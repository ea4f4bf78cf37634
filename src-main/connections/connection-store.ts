// Saved connections (name, URL, database, login) in the user-data folder. No
// password ever goes in this file: those live in the SecretVault.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConsoleError } from '../core';

export const SavedConnection = z.object({
  id: z.string(),
  name: z.string(),
  /** Normalised base URL (IN-3). */
  url: z.string(),
  database: z.string(),
  login: z.string(),
  /** Issue 17.2: sessions may change data from the start (default, and in files written before it: read-only). */
  changesFromStart: z.boolean().default(false),
});
export type SavedConnection = z.infer<typeof SavedConnection>;

export class ConnectionStore {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'connections.json');
  }

  list(): SavedConnection[] {
    if (!existsSync(this.file)) return [];
    try {
      return z.array(SavedConnection).parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return []; // a damaged file must not keep the console from starting
    }
  }

  get(id: string): SavedConnection {
    const found = this.list().find((connection) => connection.id === id);
    if (!found) throw new ConsoleError('not-found', 'console.connectionNotFound');
    return found;
  }

  save(connection: Omit<SavedConnection, 'id' | 'changesFromStart'> & { id?: string; changesFromStart?: boolean }): SavedConnection {
    // Editing a connection keeps its changes setting unless the caller says otherwise.
    const previous = connection.id ? this.list().find((existing) => existing.id === connection.id) : undefined;
    const saved: SavedConnection = {
      ...connection,
      id: connection.id ?? randomUUID(),
      changesFromStart: connection.changesFromStart ?? previous?.changesFromStart ?? false,
    };
    const others = this.list().filter((existing) => existing.id !== saved.id);
    if (connection.id && others.length === this.list().length) throw new ConsoleError('not-found', 'console.connectionNotFound');
    this.write([...others, saved]);
    return saved;
  }

  remove(id: string): void {
    this.write(this.list().filter((connection) => connection.id !== id));
  }

  private write(connections: SavedConnection[]): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(connections, null, 2), { mode: 0o600 });
    renameSync(temp, this.file);
  }
}
