// The DDL of a full-text index over a table's columns, kept in step by triggers
// (SQLite's external-content FTS5). One shape for every index the migrations create,
// so that a later migration cannot forget the update trigger's 'delete' row.
// The statements it returns for given arguments must never change: shipped migrations
// call it.

/** CREATE VIRTUAL TABLE `<table>_fts` over `columns` of `table`, and its three triggers. */
export function ftsTableOver(table: string, columns: readonly string[]): string {
  const fts = `${table}_fts`;
  const list = columns.join(', ');
  const values = (row: 'NEW' | 'OLD') => columns.map((column) => `${row}.${column}`).join(', ');
  const insertNew = `INSERT INTO ${fts} (rowid, ${list}) VALUES (NEW.id, ${values('NEW')});`;
  const deleteOld = `INSERT INTO ${fts} (${fts}, rowid, ${list}) VALUES ('delete', OLD.id, ${values('OLD')});`;
  return `
CREATE VIRTUAL TABLE ${fts} USING fts5 (
  ${list},
  content = '${table}', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
  ${insertNew}
END;
CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
  ${deleteOld}
END;
CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${list} ON ${table} BEGIN
  ${deleteOld}
  ${insertNew}
END;`;
}
