// Runs kysely-built queries synchronously on the better-sqlite3 handle.
// Kysely's own transactions are async, so another caller's query could slip in
// between BEGIN and COMMIT on the single connection, and after SQLITE_FULL
// (which rolls back by itself) its ROLLBACK would throw and hide the real error.
// better-sqlite3's synchronous transactions have neither problem: every write
// here is one `transaction(() => ...)` that runs start to finish in one tick.
import type Database from 'better-sqlite3';
import type { Compilable } from 'kysely';

const CACHE_LIMIT = 200;

export class SqlRunner {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly raw: Database.Database) {}

  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    return this.statement(sql).all(...(parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const { sql, parameters } = query.compile();
    return this.statement(sql).get(...(parameters as unknown[])) as R | undefined;
  }

  /** Rows one at a time, for scans that must not hold everything in memory. */
  iterate<R>(query: Compilable<R>): IterableIterator<R> {
    const { sql, parameters } = query.compile();
    return this.statement(sql).iterate(...(parameters as unknown[])) as IterableIterator<R>;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const { sql, parameters } = query.compile();
    return this.statement(sql).run(...(parameters as unknown[]));
  }

  /** One IMMEDIATE transaction: takes the write lock up front, commits or rolls back as a whole. */
  transaction<T>(work: () => T): T {
    return this.raw.transaction(work).immediate();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= CACHE_LIMIT) this.statements.clear();
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
