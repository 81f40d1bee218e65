import fc from 'fast-check';
import {
  garbageSegment,
  hostileRawBody,
  hostileString,
  hostileValue,
  nastyShortString,
  toWellFormed,
  wordy,
} from './hostile.js';
import { type IdPool, IdRef, kindOfField, kindOfPath } from './ids.js';
import type { Operation, Param } from './operations.js';
import { fromSchema, idRef, type Mode } from './schema-arbitrary.js';

/** A generated request before its ids are chosen. */
export interface FuzzInput {
  mode: Mode | 'hostile';
  segments: Record<string, string | IdRef>;
  query: [string, string | IdRef][];
  body?: { kind: 'json'; value: unknown } | { kind: 'raw'; bytes: Buffer } | { kind: 'csv'; text: string };
  /** The Content-Type to send; null sends none. */
  contentType: string | null;
  /**
   * A header probe (real server only): a foreign Host (DNS rebinding) must be refused on every
   * route, a foreign Origin (a cross-site form or script) on every write.
   */
  probe: 'none' | 'host' | 'origin';
}

/** What goes on the wire, ids chosen. `strings` is every text the request carried, for the leak check. */
export interface WireRequest {
  method: string;
  /** Path and query under the server root, already percent-encoded. */
  target: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  strings: string[];
  /** A printable account of the request, made only when a failure is reported. */
  summary(): string;
}

export function inputArbitrary(op: Operation, hugeChars: number, realServer: boolean): fc.Arbitrary<FuzzInput> {
  // Built once per mode (not inside a chain): making arbitraries is far dearer than drawing from them.
  const of = (mode: FuzzInput['mode']): fc.Arbitrary<FuzzInput> =>
    fc.record({
      mode: fc.constant(mode),
      segments: segmentsFor(op, mode, hugeChars),
      query: queryFor(op.query, mode, hugeChars),
      body: op.body ? bodyFor(op, mode, hugeChars) : fc.constant(undefined),
      contentType: contentTypeFor(op, mode),
      probe: realServer
        ? fc.oneof(
            { weight: 18, arbitrary: fc.constant<FuzzInput['probe']>('none') },
            { weight: 1, arbitrary: fc.constant<FuzzInput['probe']>('host') },
            { weight: op.method === 'GET' ? 0 : 1, arbitrary: fc.constant<FuzzInput['probe']>('origin') },
          )
        : fc.constant<FuzzInput['probe']>('none'),
    }) as fc.Arbitrary<FuzzInput>;
  return fc.oneof(
    { weight: 2, arbitrary: of('valid') },
    { weight: 2, arbitrary: of('mutated') },
    { weight: 1, arbitrary: of('hostile') },
  );
}

function segmentsFor(op: Operation, mode: FuzzInput['mode'], hugeChars: number) {
  const kind = kindOfPath(op.path);
  const real = kind ? fc.oneof({ weight: 5, arbitrary: idRef(kind) }, { weight: 1, arbitrary: idRef() }) : idRef();
  const garbage = garbageSegment(hugeChars);
  const one =
    mode === 'valid'
      ? real
      : mode === 'mutated'
        ? fc.oneof(real, garbage)
        : fc.oneof({ weight: 1, arbitrary: real }, { weight: 3, arbitrary: garbage });
  return fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, one]))) as fc.Arbitrary<
    Record<string, string | IdRef>
  >;
}

function queryFor(params: Param[], mode: FuzzInput['mode'], hugeChars: number) {
  const valueFor = (p: Param): fc.Arbitrary<string | IdRef> => {
    const kind = kindOfField(p.name);
    const shaped = (
      kind ? idRef(kind) : fromSchema(p.schema, { mode: 'valid', hugeChars }, p.name).map(queryText)
    ) as fc.Arbitrary<string | IdRef>;
    const hostile = fc.oneof(
      hostileString(Math.min(hugeChars, 1_000)).map((s) => encodeURIComponent(toWellFormed(s))),
      fc.constantFrom('%', '%ZZ', '%00', '%ED%A0%80', '-1', '1e400', '0x1f', '[]', '{}', 'true', '%E2%80%AE'),
    );
    return mode === 'valid' ? shaped : fc.oneof({ weight: mode === 'mutated' ? 2 : 1, arbitrary: shaped }, hostile);
  };
  const entries = params.map((p) =>
    fc
      .tuple(fc.boolean(), fc.array(valueFor(p), { minLength: 1, maxLength: mode === 'valid' ? 1 : 3 }))
      .map(([include, values]) =>
        include || p.required ? values.map((v) => [p.name, v] as [string, string | IdRef]) : [],
      ),
  );
  const extras =
    mode === 'valid'
      ? fc.constant([] as [string, string][])
      : fc.array(
          fc.tuple(
            fc
              .oneof(fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a[b]', ''), nastyShortString)
              .map((k) => encodeURIComponent(toWellFormed(k))),
            nastyShortString.map((v) => encodeURIComponent(toWellFormed(v))),
          ),
          { maxLength: 2 },
        );
  return fc.tuple(fc.tuple(...entries), extras).map(([lists, more]) => [...lists.flat(), ...more]);
}

/** Query values travel as text: a generated number or list becomes what a client would write. */
function queryText(v: unknown): string {
  if (v instanceof IdRef) return v as unknown as string;
  const text = Array.isArray(v) ? v.join(',') : String(v);
  return encodeURIComponent(toWellFormed(text));
}

function bodyFor(op: Operation, mode: FuzzInput['mode'], hugeChars: number): fc.Arbitrary<FuzzInput['body']> {
  const body = op.body!;
  if (body.contentType === 'text/csv') {
    return csvText(op.path.includes('referral'), mode, hugeChars).map((text) => ({ kind: 'csv' as const, text }));
  }
  if (mode === 'hostile') {
    return fc.oneof(
      hostileValue(hugeChars).map((value) => ({ kind: 'json' as const, value })),
      hostileRawBody(hugeChars).map((bytes) => ({ kind: 'raw' as const, bytes })),
    );
  }
  const value = fromSchema(body.schema, { mode, hugeChars });
  // An optional body is sometimes left out, as a client that has nothing to say does.
  return body.required
    ? value.map((v) => ({ kind: 'json' as const, value: v }))
    : fc.option(
        value.map((v) => ({ kind: 'json' as const, value: v })),
        { freq: 4, nil: undefined },
      );
}

function contentTypeFor(op: Operation, mode: FuzzInput['mode']): fc.Arbitrary<string | null> {
  const right = op.body?.contentType ?? 'application/json';
  const usual = op.body ? fc.constant(right) : fc.constantFrom<string | null>(null, 'application/json');
  if (mode !== 'hostile') return usual;
  return fc.oneof(
    { weight: 3, arbitrary: usual },
    {
      weight: 1,
      arbitrary: fc.constantFrom<string | null>(
        null,
        '',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        `${right}; charset=utf-16`,
        `${right}; charset=latin1`,
        'application/json\u0000',
        'APPLICATION/JSON',
        'application/vnd.api+json',
        'text/csv',
        'application/json, text/csv',
      ),
    },
  );
}

const PARTNER_COLUMNS = [
  'name',
  'type',
  'subtype',
  'company',
  'email',
  'website',
  'tags',
  'notes',
  'stage',
  'next action date',
  'id',
];
const REFERRAL_COLUMNS = [
  'direction',
  'source',
  'partner',
  'lead',
  'date',
  'outcome',
  'monthly value',
  'start date',
  'end date',
  'notes',
  'partner id',
  'fit',
];
const CELL_VALUES = [
  'agency',
  'brand',
  'complementary',
  'copywriter',
  'pr',
  'received',
  'given',
  'partner',
  'inbound',
  'won',
  'lost',
  'pending',
  '2026-11-20',
  '20/11/2026',
  '11/20/2026',
  '1500',
  '1,500.00',
  '€1.500,00',
  'a@b.example',
  'https://x.example',
  'vip, warm',
  'Brightline PR',
  'contacted',
  'good',
  'bad',
];

/** A CSV file: mostly well-formed with real-looking and hostile cells, sometimes not CSV at all. */
function csvText(referrals: boolean, mode: FuzzInput['mode'], hugeChars: number): fc.Arbitrary<string> {
  const columns = referrals ? REFERRAL_COLUMNS : PARTNER_COLUMNS;
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...CELL_VALUES) },
    { weight: 3, arbitrary: wordy },
    { weight: mode === 'valid' ? 0 : 3, arbitrary: nastyShortString },
  );
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const wellFormed = fc
    .tuple(
      fc.subarray(columns, { minLength: 1 }),
      fc.array(fc.array(cell, { minLength: 1, maxLength: columns.length + 1 }), { maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom(',', ';', '\t'),
      fc.boolean(),
    )
    .map(([head, rows, eol, sep, bom]) => {
      const lines = [head.join(sep), ...rows.map((r) => r.map(quote).join(sep))];
      return `${bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
    });
  if (mode !== 'hostile') return wellFormed;
  return fc.oneof(
    wellFormed,
    hostileString(hugeChars),
    fc.constantFrom(
      '',
      '\n\n\n',
      '"unclosed,quote\nname\n',
      'name\n"a""b\n',
      `${'x,'.repeat(20_000)}\n`,
      'name,name,name\na,b,c\n',
    ),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => `name,type\n${'"Unclosed,brand\n'.repeat(n)}`),
  );
}

/** Chooses the ids and writes the request out as bytes, headers and a target. */
export function toWire(op: Operation, input: FuzzInput, pool: IdPool, hostHeader: string): WireRequest {
  const strings: string[] = [];
  const seg = (v: string | IdRef) => (v instanceof IdRef ? pool.resolve(v) : v);
  let path = `/api/v1${op.path}`;
  for (const [name, v] of Object.entries(input.segments)) {
    const s = seg(v);
    strings.push(safeDecode(s));
    path = path.replace(`{${name}}`, s);
  }
  const query = input.query.map(([k, v]) => {
    const s = seg(v);
    strings.push(safeDecode(k), safeDecode(s));
    return `${k}=${s}`;
  });
  const target = query.length ? `${path}?${query.join('&')}` : path;
  let body: Buffer | undefined;
  if (input.body?.kind === 'json') {
    const value = pool.materialize(input.body.value);
    collectStrings(value, strings);
    body = Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
  } else if (input.body?.kind === 'raw') {
    body = input.body.bytes;
    strings.push(body.toString('utf8'));
  } else if (input.body?.kind === 'csv') {
    body = Buffer.from(input.body.text, 'utf8');
    strings.push(input.body.text);
  }
  const headers: Record<string, string> = { host: hostHeader, accept: '*/*' };
  if (input.contentType !== null) headers['content-type'] = input.contentType.replaceAll('\u0000', '');
  if (input.probe === 'host') headers.host = 'evil.example';
  if (input.probe === 'origin') headers.origin = 'http://evil.example';
  return { method: op.method, target, headers, body, strings, summary: () => summarize(op, target, input, body) };
}

function collectStrings(v: unknown, out: string[]) {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      collectStrings(x, out);
    }
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A short, printable account of the input for a failure report (escapes shown, long text cut). */
function summarize(op: Operation, target: string, input: FuzzInput, body: Buffer | undefined): string {
  const cut = (s: string) => {
    const shown = JSON.stringify(s.slice(0, 300)).slice(1, -1);
    return s.length > 300 ? `${shown}… (${s.length} chars)` : shown;
  };
  const parts = [`${op.method} ${cut(target)}`];
  if (input.contentType !== 'application/json' && input.contentType !== op.body?.contentType) {
    parts.push(`content-type ${JSON.stringify(input.contentType)}`);
  }
  if (input.probe !== 'none') parts.push(`probe ${input.probe}`);
  if (body)
    parts.push(
      `body ${cut(body.subarray(0, 1200).toString('utf8'))}${body.length > 1200 ? ` (${body.length} bytes)` : ''}`,
    );
  return parts.join(' | ');
}
