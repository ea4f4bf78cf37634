// One numbered migration: SQL run in its own transaction, after which PRAGMA
// user_version is its number (migrations.ts).
export interface Migration {
  version: number;
  name: string;
  up: string;
}
