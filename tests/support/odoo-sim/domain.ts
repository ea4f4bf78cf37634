// Odoo domains (prefix notation, implicit '&') and orders, evaluated over the
// simulator's in-memory records.
import { valueError } from './rpc-error';
import type { FieldDef, SimRecord } from './table';

type Predicate = (record: SimRecord) => boolean;

/**
 * `wholeSeconds`: Odoo 19 rewrites every datetime comparison to whole seconds
 * (`> X` means `>= floor(X) + 1 s`, `= X` means the second of X); 17 and 18
 * hand the literal to PostgreSQL, which compares it with the stored
 * microseconds (docs/odoo.md, The server's own audit records).
 */
export function compileDomain(domain: unknown, fields: Record<string, FieldDef>, model: string, wholeSeconds = false): Predicate {
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  const stack: Predicate[] = [];
  for (let i = domain.length - 1; i >= 0; i--) {
    const item: unknown = domain[i];
    if (item === '!') {
      const a = pop(stack);
      stack.push((r) => !a(r));
    } else if (item === '&' || item === '|') {
      const a = pop(stack);
      const b = pop(stack);
      stack.push(item === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r));
    } else {
      stack.push(leaf(item, fields, model, wholeSeconds));
    }
  }
  return (record) => stack.every((p) => p(record));
}

/** Whether the domain names `field` in any leaf (Odoo skips active_test then). */
export function mentionsField(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((item) => Array.isArray(item) && item[0] === field);
}

type Bound = string | number | null;

/**
 * The smallest value of `field` a record matching the domain can hold, when the
 * domain says so through `>`, `>=` or `=` leaves combined by '&' and '|' (the
 * mirror's `(write_date, id)` cursor is such a domain); null when it does not.
 * A search over records sorted by that field can then start at the bound
 * instead of testing every record before it.
 */
export function lowerBound(domain: unknown, field: string): Bound {
  if (!Array.isArray(domain)) return null;
  const stack: Bound[] = [];
  for (let i = domain.length - 1; i >= 0; i--) {
    const item: unknown = domain[i];
    if (item === '!') {
      stack.pop();
      stack.push(null);
    } else if (item === '&' || item === '|') {
      const a = stack.pop() ?? null;
      const b = stack.pop() ?? null;
      stack.push(item === '&' ? tighter(a, b) : looser(a, b));
    } else {
      stack.push(leafBound(item, field));
    }
  }
  return stack.reduce<Bound>(tighter, null);
}

function leafBound(item: unknown, field: string): Bound {
  if (!Array.isArray(item) || item[0] !== field || !['>', '>=', '='].includes(item[1] as string)) return null;
  const value: unknown = item[2];
  // A datetime bound is taken to its whole second: never above what either version matches.
  if (typeof value === 'string') return datetimeLiteral(value).slice(0, 19);
  return typeof value === 'number' ? value : null;
}

/** Odoo accepts "YYYY-MM-DDTHH:MM:SS" too. */
function datetimeLiteral(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.replace('T', ' ') : value;
}

/**
 * "S" and "S.5" as PostgreSQL reads them: "S.000000", "S.500000", so strings compare as
 * timestamps. The stored values are almost always whole seconds: that case is one
 * concatenation, since a mirror's page tests every stored value of the table against it.
 */
function toMicros(value: string): string {
  const dot = value.indexOf('.');
  if (dot < 0) return `${value}.000000`;
  return `${value.slice(0, dot)}.${value.slice(dot + 1).padEnd(6, '0').slice(0, 6)}`;
}

/** The second after a whole-second datetime literal. */
function nextSecond(second: string): string {
  const next = new Date(Date.parse(`${second.replace(' ', 'T')}Z`) + 1000).toISOString();
  return `${next.slice(0, 10)} ${next.slice(11, 19)}`;
}

/** Odoo 19's rewrite of a datetime comparison to whole seconds, as a predicate over the stored value. */
function wholeSecondComparison(name: string, operator: string, literal: string): Predicate | null {
  const floor = datetimeLiteral(literal).slice(0, 19);
  const next = nextSecond(floor);
  const at = (r: SimRecord) => (typeof r[name] === 'string' ? (r[name] as string) : null);
  const inSecond = (r: SimRecord) => {
    const v = at(r);
    return v !== null && v >= floor && v < next;
  };
  switch (operator) {
    case '>':
      return (r) => (at(r) ?? '') >= next;
    case '>=':
      return (r) => (at(r) ?? '') >= floor;
    case '<':
      return (r) => at(r) !== null && (at(r) as string) < floor;
    case '<=':
      return (r) => at(r) !== null && (at(r) as string) < next;
    case '=':
      return inSecond;
    case '!=':
      return (r) => !inSecond(r);
    default:
      return null;
  }
}

/** Both bounds hold ('&'): the larger one. Values of different types are not compared. */
function tighter(a: Bound, b: Bound): Bound {
  if (a === null) return b;
  if (b === null || typeof a !== typeof b) return a;
  return a >= b ? a : b;
}

/** Either bound holds ('|'): the smaller one, and none unless both sides have one. */
function looser(a: Bound, b: Bound): Bound {
  if (a === null || b === null || typeof a !== typeof b) return null;
  return a <= b ? a : b;
}

function pop(stack: Predicate[]): Predicate {
  const p = stack.pop();
  if (p === undefined) throw valueError('Invalid domain: missing operand');
  return p;
}

function leaf(item: unknown, fields: Record<string, FieldDef>, model: string, wholeSeconds: boolean): Predicate {
  if (!Array.isArray(item) || item.length !== 3 || typeof item[0] !== 'string' || typeof item[1] !== 'string') {
    throw valueError(`Invalid leaf ${JSON.stringify(item)}`);
  }
  const [name, operator, value] = item as [string, string, unknown];
  const def = fields[name];
  if (def === undefined) throw valueError(`Invalid field ${model}.${name} in leaf ${JSON.stringify(item)}`);
  const many = def.type === 'many2many';
  if (def.type === 'datetime' && typeof value === 'string') {
    const rewritten = wholeSeconds ? wholeSecondComparison(name, operator, value) : null;
    if (rewritten) return rewritten;
    if (['>', '>=', '<', '<=', '=', '!='].includes(operator)) {
      // 17 and 18: PostgreSQL compares the literal with the stored microseconds.
      const literal = toMicros(datetimeLiteral(value));
      const stored = (r: SimRecord) => (typeof r[name] === 'string' ? toMicros(r[name] as string) : r[name]);
      if (operator === '=') return (r) => stored(r) === literal;
      if (operator === '!=') return (r) => stored(r) !== literal;
      return (r) => compare(stored(r), literal, operator);
    }
  }
  switch (operator) {
    case '=':
      return (r) => equals(r[name], value, many);
    case '!=':
      return (r) => !equals(r[name], value, many);
    case 'in':
      return (r) => inList(r[name], value, many);
    case 'not in':
      return (r) => !inList(r[name], value, many);
    case 'ilike':
    case 'like':
    case 'not ilike': {
      const needle = String(value).toLowerCase();
      const hit = (r: SimRecord) => typeof r[name] === 'string' && (r[name] as string).toLowerCase().includes(needle);
      return operator === 'not ilike' ? (r) => !hit(r) : hit;
    }
    case '>':
    case '>=':
    case '<':
    case '<=':
      return (r) => compare(r[name], value, operator);
    default:
      throw valueError(`Invalid operator ${operator}`);
  }
}

function equals(field: unknown, value: unknown, many: boolean): boolean {
  if (many) return Array.isArray(field) && (value === false ? field.length === 0 : field.includes(value));
  if (value === false || value === null) return field === false || field === null || field === undefined;
  return field === value;
}

function inList(field: unknown, value: unknown, many: boolean): boolean {
  if (!Array.isArray(value)) throw valueError('"in" needs a list');
  if (many) return Array.isArray(field) && field.some((v) => value.includes(v));
  return value.includes(field);
}

function compare(field: unknown, value: unknown, operator: string): boolean {
  if (field === false || field === null || field === undefined) return false;
  const a = field as string | number;
  const b = value as string | number;
  if (operator === '>') return a > b;
  if (operator === '>=') return a >= b;
  if (operator === '<') return a < b;
  return a <= b;
}

export function compileOrder(order: string, fields: Record<string, FieldDef>, model: string): (a: SimRecord, b: SimRecord) => number {
  const terms = order
    .split(',')
    .map((t) => t.trim().split(/\s+/))
    .filter((t) => t[0])
    .map(([field = '', dir = 'asc']) => {
      if (fields[field] === undefined) throw valueError(`Invalid "order" specified (${order}) on ${model}`);
      return { field, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
    });
  return (a, b) => {
    for (const { field, sign } of terms) {
      const x = sortable(a[field]);
      const y = sortable(b[field]);
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return a.id - b.id;
  };
}

export function sortable(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.toLowerCase();
  if (value === true) return 1;
  return '';
}
