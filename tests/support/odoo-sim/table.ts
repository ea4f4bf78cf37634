// One model's records in memory, with Odoo's search and read semantics: the
// active_test filter, orders, search_read's [id, name] many2ones and
// web_search_read's specification (docs/odoo.md, Users).
import { compileDomain, compileOrder, lowerBound, mentionsField, sortable } from './domain';
import { valueError } from './rpc-error';

export type FieldType = 'integer' | 'char' | 'text' | 'boolean' | 'datetime' | 'many2one' | 'many2many';

export interface FieldDef {
  type: FieldType;
  relation?: string;
}

export type SimRecord = { id: number } & Record<string, unknown>;

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
  activeTest?: boolean;
}

/** Resolves a co-model's display name for many2one rendering. */
export type NameOf = (model: string, id: number) => string | false;

export class Table {
  readonly rows = new Map<number, SimRecord>();
  #nextId = 1;
  #version = 0;
  #sorted = new Map<string, { version: number; records: SimRecord[] }>();

  readonly fields: Record<string, FieldDef>;
  /** Odoo 19 compares datetimes in domains to the whole second (domain.ts). */
  wholeSecondDomains = false;

  constructor(
    readonly model: string,
    fields: Record<string, FieldDef>,
    readonly defaultOrder = 'id asc',
    /** Fields kept on the record but never readable over RPC (a password). */
    readonly hidden: ReadonlySet<string> = new Set(),
  ) {
    this.fields = { id: { type: 'integer' }, ...fields };
  }

  insert(values: Omit<SimRecord, 'id'> & { id?: number }): SimRecord {
    const id = values.id ?? this.#nextId;
    this.#nextId = Math.max(this.#nextId, id + 1);
    const record: SimRecord = { ...values, id };
    this.rows.set(id, record);
    this.touch();
    return record;
  }

  /** An id from the sequence, for a row a transaction inserts now and commits later. */
  reserveId(): number {
    return this.#nextId++;
  }

  /** Bulk loading: stores a record without rebuilding caches; call touch() once afterwards. */
  put(record: SimRecord): void {
    this.rows.set(record.id, record);
    this.#nextId = Math.max(this.#nextId, record.id + 1);
  }

  update(id: number, values: Record<string, unknown>): void {
    const record = this.rows.get(id);
    if (record) Object.assign(record, values);
    this.touch();
  }

  delete(id: number): void {
    this.rows.delete(id);
    this.touch();
  }

  /** Call after changing records in place, so that cached orders are rebuilt. */
  touch(): void {
    this.#version++;
  }

  search(domain: unknown, options: SearchOptions = {}): SimRecord[] {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? Infinity;
    const found: SimRecord[] = [];
    let skipped = 0;
    for (const record of this.#matching(domain, options.order || this.defaultOrder, options.activeTest !== false)) {
      if (skipped < offset) {
        skipped++;
        continue;
      }
      found.push(record);
      if (found.length >= limit) break;
    }
    return found;
  }

  /** search_count; `order` only picks which sorted copy to scan (one that can start at the domain's bound). */
  count(domain: unknown, activeTest = true, order?: string | null): number {
    let count = 0;
    for (const _record of this.#matching(domain, order || this.defaultOrder, activeTest)) count++;
    return count;
  }

  *#matching(domain: unknown, order: string, activeTest: boolean): Generator<SimRecord> {
    const predicate = compileDomain(domain, this.fields, this.model, this.wholeSecondDomains);
    const activeFilter = activeTest && 'active' in this.fields && !mentionsField(domain, 'active');
    const records = this.#inOrder(order);
    for (let i = this.#firstCandidate(records, domain, order); i < records.length; i++) {
      const record = records[i]!;
      if (activeFilter && record.active !== true) continue;
      if (predicate(record)) yield record;
    }
  }

  /**
   * Where a scan of `records` (sorted by `order`) may start: when the order
   * begins with an ascending integer or datetime field and the domain bounds
   * that field from below, every record before the bound fails the domain, so
   * a binary search skips them. Without this, the mirror's paged reads
   * (`write_date > cursor`) test the whole table for each page: quadratic.
   * Only for those types, whose sort key is the raw value (char fields sort
   * case-folded, so skipping by it could drop a match).
   */
  #firstCandidate(records: SimRecord[], domain: unknown, order: string): number {
    const [field = '', dir = 'asc'] = order.split(',')[0]?.trim().split(/\s+/) ?? [];
    const type = this.fields[field]?.type;
    if (dir.toLowerCase() !== 'asc' || (type !== 'integer' && type !== 'datetime')) return 0;
    const bound = lowerBound(domain, field);
    if (bound === null || typeof bound !== (type === 'integer' ? 'number' : 'string')) return 0;
    let low = 0;
    let high = records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sortable(records[middle]![field]) < bound) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** search_read / read rendering: many2one as [id, name], many2many as ids. */
  render(record: SimRecord, fieldNames: string[] | null, nameOf: NameOf): Record<string, unknown> {
    const names = fieldNames && fieldNames.length > 0 ? fieldNames : Object.keys(this.fields);
    const out: Record<string, unknown> = { id: record.id };
    for (const name of names) {
      if (name === 'display_name') {
        out[name] = this.displayName(record);
        continue;
      }
      const def = this.#field(name);
      const value = record[name];
      if (def.type === 'many2one') {
        out[name] = typeof value === 'number' ? [value, nameOf(def.relation ?? '', value)] : false;
      } else {
        out[name] = plain(value, def);
      }
    }
    return out;
  }

  /** web_read rendering of a specification: {field: {}} or {m2o: {fields: {display_name: {}}}}. */
  renderSpec(record: SimRecord, spec: Record<string, unknown>, nameOf: NameOf): Record<string, unknown> {
    const out: Record<string, unknown> = { id: record.id };
    for (const [name, sub] of Object.entries(spec)) {
      if (name === 'display_name') {
        out[name] = this.displayName(record);
        continue;
      }
      const def = this.#field(name);
      const value = record[name];
      const subFields = (sub as { fields?: Record<string, unknown> } | null)?.fields;
      if (def.type === 'many2one' && typeof value === 'number' && subFields && Object.keys(subFields).length > 0) {
        const nested: Record<string, unknown> = { id: value };
        if ('display_name' in subFields) nested.display_name = nameOf(def.relation ?? '', value);
        out[name] = nested;
      } else if (def.type === 'many2one') {
        out[name] = typeof value === 'number' ? value : false;
      } else {
        out[name] = plain(value, def);
      }
    }
    return out;
  }

  displayName(record: SimRecord): string {
    return typeof record.name === 'string' ? record.name : `${this.model},${record.id}`;
  }

  checkFields(values: Record<string, unknown>): void {
    for (const name of Object.keys(values)) {
      if (!(name in this.fields) && !this.hidden.has(name)) throw valueError(`Invalid field '${name}' on model '${this.model}'`);
    }
  }

  #field(name: string): FieldDef {
    const def = this.fields[name];
    if (def === undefined || this.hidden.has(name)) throw valueError(`Invalid field '${name}' on model '${this.model}'`);
    return def;
  }

  #inOrder(order: string): SimRecord[] {
    const cached = this.#sorted.get(order);
    if (cached && cached.version === this.#version) return cached.records;
    const records = [...this.rows.values()].sort(compileOrder(order, this.fields, this.model));
    this.#sorted.set(order, { version: this.#version, records });
    return records;
  }
}

function plain(value: unknown, def: FieldDef): unknown {
  if (def.type === 'many2many') return Array.isArray(value) ? [...value] : [];
  // Stored with microseconds, answered to the second (truncated, not rounded).
  if (def.type === 'datetime' && typeof value === 'string') return value.slice(0, 19);
  if (def.type === 'boolean') return value === true;
  if (def.type === 'integer') return typeof value === 'number' ? value : 0;
  return value === undefined || value === null ? false : value;
}
