import fc from 'fast-check';
import { extraKey, hostileValue, nastyShortString, wordy } from './hostile.js';
import { ID_KINDS, IdRef, kindOfField } from './ids.js';
import type { JsonSchema } from './operations.js';

/**
 * How hostile a generated value is. `valid` follows the schema (so requests get past validation
 * and reach the store); `mutated` follows it but swaps some fields for hostile values, drops
 * required ones and adds stray keys; hostile whole values are made by the caller.
 */
export type Mode = 'valid' | 'mutated';

export interface ArbOptions {
  mode: Mode;
  hugeChars: number;
}

/** A value shaped by `schema`; `name` is the field it goes in, which hints at ids and zones. */
export function fromSchema(schema: JsonSchema, o: ArbOptions, name = ''): fc.Arbitrary<unknown> {
  const valid = shaped(schema, o, name);
  if (o.mode === 'valid') return valid;
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileFor(schema, o) });
}

/** A hostile value for a field: mostly of the right type (to reach the store), sometimes not. */
function hostileFor(schema: JsonSchema, o: ArbOptions): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  const own: fc.Arbitrary<unknown>[] = [];
  if (types.includes('string')) {
    // Within the length limit, so validation passes and the text reaches the database.
    const max = schema.maxLength ?? 200;
    own.push(nastyShortString.filter((s) => s.length <= max && s.length >= (schema.minLength ?? 0)));
    own.push(boundaryString(schema));
  }
  if (types.includes('integer') || types.includes('number')) own.push(boundaryNumber(schema));
  return fc.oneof(...own.map((a) => ({ weight: 2, arbitrary: a })), {
    weight: 1,
    arbitrary: hostileValue(o.hugeChars),
  });
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  const subs = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  return subs ? [...new Set(subs.flatMap(typesOf))] : [];
}

function shaped(schema: JsonSchema, o: ArbOptions, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.allOf) return shaped(mergeAll(schema.allOf), o, name);
  const subs = schema.anyOf ?? schema.oneOf;
  if (subs) return fc.oneof(...subs.map((s) => shaped(s, o, name)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((t) => shaped({ ...schema, type: t }, o, name)));
  switch (types[0]) {
    case 'string':
      return stringFor(schema, name);
    case 'integer':
    case 'number':
      return numberFor(schema, types[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, o, singular(name)), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 6, 6),
      });
    case 'object':
      return objectFor(schema, o);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(schema: JsonSchema, o: ArbOptions): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const keys = Object.keys(props);
  const model = Object.fromEntries(keys.map((k) => [k, fromSchema(props[k]!, o, k)]));
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)) });
  if (o.mode === 'valid') return record;
  return fc
    .tuple(
      record,
      fc.option(fc.constantFrom(...(keys.length ? keys : [''])), { freq: 6 }),
      fc.option(fc.tuple(extraKey, hostileValue(1000)), { freq: 6 }),
    )
    .map(([value, drop, extra]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (drop !== null) delete out[drop];
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true });
      return out;
    });
}

/** allOf as the API uses it: a schema plus a description, merged into one. */
function mergeAll(list: JsonSchema[]): JsonSchema {
  const out: JsonSchema = { properties: {}, required: [] };
  for (const s of list) {
    Object.assign(out, { ...s, properties: out.properties, required: out.required });
    Object.assign(out.properties!, s.properties);
    out.required!.push(...(s.required ?? []));
  }
  return out;
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const LOCAL_TIME = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}$';

const dateBetween = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Mostly near the TestClock's today (2026-11-24), where the rules about "not in the future" bite. */
const plausibleDate = fc.oneof(
  { weight: 2, arbitrary: dateBetween('2026-09-01T00:00:00Z', '2026-12-31T00:00:00Z') },
  { weight: 1, arbitrary: dateBetween('2019-01-01T00:00:00Z', '2031-12-31T00:00:00Z') },
);
/** Dates the pattern accepts that the calendar does not, or that sit at an edge. */
const oddDate = fc.constantFrom(
  '2026-02-29',
  '2028-02-29',
  '2026-02-30',
  '2026-04-31',
  '0000-00-00',
  '9999-12-31',
  '1970-01-01',
  '2026-13-01',
  '2026-00-10',
);

function stringFor(schema: JsonSchema, name: string): fc.Arbitrary<string | IdRef> {
  const kind = kindOfField(name);
  if (kind) return fc.oneof({ weight: 4, arbitrary: idRef(kind) }, { weight: 1, arbitrary: idRef() });
  if (schema.pattern === DATE)
    return fc.oneof({ weight: 6, arbitrary: plausibleDate }, { weight: 1, arbitrary: oddDate });
  if (schema.pattern === LOCAL_TIME) {
    return fc
      .tuple(plausibleDate, fc.constantFrom('T', ' '), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
      .map(([d, sep, h, m]) => `${d}${sep}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  }
  if (schema.pattern) return matching(schema.pattern);
  if (schema.format === 'email') {
    return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.example', 'Ünï@exämple.test', 'x+tag@sub.example.co'));
  }
  if (schema.format === 'uri')
    return fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), uriOddities);
  if (name === 'timeZone') {
    return fc.constantFrom(
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'Etc/GMT+12',
      'Mars/Olympus',
      '',
    );
  }
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 80, 80));
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: max }) },
    {
      weight: 2,
      arbitrary: wordy.filter((s) => s.length <= (schema.maxLength ?? 1e9)),
    },
    { weight: 1, arbitrary: boundaryString(schema) },
  );
}

/** Links that are URIs to a parser and trouble to a calendar file or a browser. */
const uriOddities = fc.constantFrom(
  'https://meet.example/a,b;c\\d',
  'https://meet.example/x?y=1&z=%0D%0ASUMMARY:hacked',
  'https://meet.example/\u0000',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  `https://meet.example/${'a'.repeat(480)}`,
  'https://meet.example/line\r\nbreak',
  'mailto:a@b.example',
  'urn:isbn:0451450523',
);

/** A string at, just under or just over the schema's length limits. */
function boundaryString(schema: JsonSchema): fc.Arbitrary<string> {
  const lengths = [0, 1, schema.minLength, schema.maxLength, schema.maxLength && schema.maxLength + 1].filter(
    (n): n is number => typeof n === 'number',
  );
  return fc.tuple(fc.constantFrom(...lengths), fc.constantFrom('x', 'é', '🙂', '\u0000', ' ')).map(([n, c]) =>
    // Counted in UTF-16 units, as JavaScript and zod count them.
    c.repeat(Math.ceil(n / c.length)).slice(0, n),
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1e-9 : -1e9);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1e-9 : 1e9);
  const typical = integer
    ? fc.integer({ min: Math.max(Math.ceil(min), -(2 ** 31)), max: Math.min(Math.floor(max), 2 ** 31 - 1, 10_000_000) })
    : fc.double({ min, max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: typical }, { weight: 1, arbitrary: boundaryNumber(schema) });
}

function boundaryNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const edges = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum]
    .filter((n): n is number => typeof n === 'number')
    .flatMap((n) => [n, n - 1, n + 1, n + 0.5]);
  return fc.constantFrom(...edges, 0, -1, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.1);
}

/** A reference to a real id of `kind` (or of any kind), resolved when the request is sent. */
export function idRef(kind?: IdRef['kind']): fc.Arbitrary<IdRef> {
  return fc.tuple(kind ? fc.constant(kind) : fc.constantFrom(...ID_KINDS), fc.nat()).map(([k, n]) => new IdRef(k, n));
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** One stringMatching arbitrary per pattern: making one is dear (fast-check tokenizes its slices). */
const byPattern = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: string): fc.Arbitrary<string> {
  let a = byPattern.get(pattern);
  if (!a) {
    a = fc.stringMatching(new RegExp(pattern));
    byPattern.set(pattern, a);
  }
  return a;
}
