// Arbitrary spellings of one request that a real Odoo server routes and parses the
// same way (docs/odoo.md, "The view's requests as Odoo routes them"): the path
// percent-encoded char by char (either hex case, `/` as `%2F` too), repeated
// slashes, a leading `//`, a trailing slash, a query; the JSON body with any key
// order, `\u` escapes anywhere in keys and string values, whitespace between
// tokens, decoy duplicate keys before the real one, and any envelope around
// `params`. For the property tests of the view policy.
import fc from 'fast-check';

const hex = (code: number, upper: boolean) => {
  const text = code.toString(16).padStart(2, '0');
  return `%${upper ? text.toUpperCase() : text}`;
};

/** One character, as itself or percent-encoded (its UTF-8 bytes). */
function spellChar(char: string): fc.Arbitrary<string> {
  const bytes = [...new TextEncoder().encode(char)];
  return fc.oneof(
    fc.constant(char),
    fc.boolean().map((upper) => bytes.map((b) => hex(b, upper)).join('')),
  );
}

function spellSegment(segment: string): fc.Arbitrary<string> {
  if (segment === '') return fc.constant('');
  return fc.tuple(...[...segment].map(spellChar)).map((chars) => chars.join(''));
}

const separator = fc.constantFrom('/', '/', '/', '//', '///', '%2F', '%2f');

/** `/a/b/c` spelled as the server still routes it to `/a/b/c`. */
export function spellPath(path: string): fc.Arbitrary<string> {
  const segments = path.split('/').slice(1);
  return fc
    .record({
      leading: fc.constantFrom('/', '/', '//'),
      segments: fc.tuple(...segments.map(spellSegment)),
      separators: fc.array(separator, { minLength: segments.length, maxLength: segments.length }),
      trailing: fc.constantFrom('', '', '/', '%2F'),
      query: fc.constantFrom('', '', '?debug=1', '?x=%2Fweb%2Fsession%2Flogout'),
    })
    .map(({ leading, segments: spelled, separators, trailing, query }) => {
      const joined = spelled.map((segment, i) => (i === 0 ? segment : `${separators[i] ?? '/'}${segment}`)).join('');
      return `${leading}${joined}${trailing}${query}`;
    });
}

/** A JSON string literal for `text`, any of its characters as a `\u` escape. */
function spellString(text: string): fc.Arbitrary<string> {
  if (text === '') return fc.constant('""');
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((escapes) => `"${[...text].map((c, i) => (escapes[i] ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : jsonChar(c))).join('')}"`);
}

function jsonChar(char: string): string {
  return JSON.stringify(char).slice(1, -1);
}

const space = fc.constantFrom('', '', ' ', '\n', '\t', '  \r\n');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Any JSON spelling of `value`: key order, escapes, whitespace, decoys before real keys. */
export function spellJson(value: Json, decoys: Json[] = ['read', null, 'res.partner']): fc.Arbitrary<string> {
  if (typeof value === 'string') return spellString(value);
  if (value === null || typeof value !== 'object') return fc.constant(JSON.stringify(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return space.map((s) => `[${s}]`);
    return fc.tuple(...value.map((item) => spellJson(item, decoys)), space).map(([...parts]) => {
      const ws = parts.pop() as string;
      return `[${ws}${parts.join(`,${ws}`)}]`;
    });
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return space.map((s) => `{${s}}`);
  const members = entries.map(([key, item]) =>
    fc
      .record({
        key: spellString(key),
        item: spellJson(item, decoys),
        // A decoy earlier in the object: JSON.parse and Python's json.loads both keep the last.
        decoy: fc.option(fc.tuple(spellString(key), fc.constantFrom(...decoys)), { freq: 3 }),
        before: space,
        after: space,
      })
      .map(({ key: k, item: v, decoy, before, after }) => {
        const real = `${before}${k}${after}:${before}${v}${after}`;
        return decoy ? [`${before}${decoy[0]}:${JSON.stringify(decoy[1])}`, real] : [real];
      }),
  );
  return fc
    .tuple(fc.tuple(...members), fc.nat())
    .map(([spelled, seed]) => {
      // Shuffle the members (each with its decoy right before it), deterministically from `seed`.
      const order = spelled.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
      return `{${order.flatMap((i) => spelled[i] ?? []).join(',')}}`;
    });
}

/** A JSON-RPC request around `params`: any (or no) envelope, the params spelled any way. */
export function spellRpc(params: { [key: string]: Json }): fc.Arbitrary<string> {
  return fc
    .record({
      envelope: fc.record({ jsonrpc: fc.constant('2.0'), method: fc.constantFrom('call', 'execute', 'logout'), id: fc.nat() }, { requiredKeys: [] }),
      lead: space,
    })
    .chain(({ envelope, lead }) => spellJson({ ...envelope, params }).map((json) => `${lead}${json}`));
}
