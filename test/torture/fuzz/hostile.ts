import fc from 'fast-check';

/** Making an arbitrary costs far more than drawing from it, so each is made once per size. */
function memo<T>(make: (maxChars: number) => fc.Arbitrary<T>): (maxChars: number) => fc.Arbitrary<T> {
  const made = new Map<number, fc.Arbitrary<T>>();
  return (maxChars) => {
    let a = made.get(maxChars);
    if (!a) {
      a = make(maxChars);
      made.set(maxChars, a);
    }
    return a;
  };
}

/** NUL, every other C0 control, DEL, and the Unicode oddities that break text formats. */
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\ufffe',
];
export const controlChar = fc.constantFrom(...CONTROLS);
export const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d');
/**
 * Any code point, lone surrogates included. Not fast-check's 'binary' unit: making that one
 * builds a reverse table of every code point (seconds of work) that a fuzzer never needs.
 */
export const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
/** Words, as names and titles are written. */
export const wordy = fc
  .array(
    fc
      .tuple(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTVW'),
        fc.array(fc.constantFrom(...'aeioulnrstmkdgbp'), { minLength: 2, maxLength: 11 }),
      )
      .map(([first, rest]) => first + rest.join('')),
    { minLength: 1, maxLength: 3 },
  )
  .map((words) => words.join(' '));

/** Text an attacker or a careless spreadsheet would send: injections, formats, look-alikes. */
const SPECIALS = [
  `' OR '1'='1`,
  `'); drop table partners; --`,
  '"',
  '\\',
  '\\u0000',
  '%00',
  '%s%n%x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text, meant literally
  '${7*7}',
  '{{agency.name}}',
  '{{constructor}}',
  '[Name]',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  ' ',
  '',
  '\t\n\r',
  '🙂',
  '\ud83d\ude00\u200d\ud83d\udc69',
  'e\u0301',
  'ﷺ',
  'Ω≈ç√∫',
  '\u0000\u0000\u0000',
  'a\u0000b',
  'BEGIN:VEVENT\r\nEND:VEVENT',
  'x\r\nSet-Cookie: a=b',
  'javascript:alert(1)',
  'http://127.0.0.1:1/\u0000',
  'mailto:a@b.example?subject=\r\n',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '2026-13-01',
  '2026-11-24T25:61',
  '__proto__',
  'constructor',
];

/** A short string laced with the characters that databases, CSV and iCalendar treat specially. */
export const nastyShortString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SPECIALS),
  fc.string({ unit: fc.oneof(controlChar, loneSurrogate, anyCodePoint), maxLength: 30 }),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.oneof(controlChar, loneSurrogate), fc.string({ maxLength: 12 }))
    .map((parts) => parts.join('')),
  fc.string({ unit: anyCodePoint, maxLength: 40 }),
);

/** A string far past any limit: the same few characters repeated (cheap to make and to hold). */
export const hugeString = memo((maxChars: number): fc.Arbitrary<string> => {
  return fc
    .tuple(fc.integer({ min: Math.ceil(maxChars / 4), max: maxChars }), fc.constantFrom('a', 'é', '\u0000', '🙂', '\n'))
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));
});

export const hostileString = memo((maxChars: number): fc.Arbitrary<string> => {
  return fc.oneof(
    { weight: 12, arbitrary: nastyShortString },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 100, maxLength: 6000 }) },
    { weight: 1, arbitrary: hugeString(maxChars) },
  );
});

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -0.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    2 ** 63,
    5e-324,
  ),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value of the wrong kind: what a buggy client or a probe sends instead of the right one. */
export const hostileValue = memo((maxChars: number): fc.Arbitrary<unknown> => {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString(maxChars) },
    { weight: 3, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { __proto__: { x: 1 } }) },
    { weight: 1, arbitrary: fc.array(nastyShortString, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(nastyShortString, nastyShortString, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
});

/** Keys an object should not have: prototype pollution and plain strays. */
export const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'workspaceId', 'createdAt', 'toString', ''),
  nastyShortString,
);

const enc = (s: string) => Buffer.from(s, 'utf8');

/** Bodies that are not JSON at all, or JSON in a shape or encoding no parser should accept quietly. */
export const hostileRawBody = memo((maxChars: number): fc.Arbitrary<Buffer> => {
  return fc.oneof(
    fc
      .constantFrom(
        '',
        ' ',
        '{',
        '}',
        '[',
        '{"a":}',
        "{'name':'x'}",
        '{"name":"a","name":"b","type":"brand"}',
        'null',
        'true',
        '0',
        '"text"',
        '[]',
        '[{}]',
        '{"name": NaN}',
        '{"name": Infinity}',
        '{"amount": 1e999}',
        `{"amount": ${'9'.repeat(400)}}`,
        '{"name":"\\ud800"}',
        '{"name":"\\u0000"}',
        '{"name":"\\x00"}',
        '\ufeff{"name":"bom"}',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
      )
      .map(enc),
    fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
    fc.constantFrom(
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from([0xc3, 0x28]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xc0, 0x80]),
      Buffer.from('{"name":"\u0000"}', 'utf16le'),
    ),
    // Nesting deep enough to overflow a recursive parser or validator.
    fc.integer({ min: 1_000, max: 200_000 }).map((n) => enc(`${'['.repeat(n)}${']'.repeat(n)}`)),
    fc.integer({ min: 1_000, max: 50_000 }).map((n) => enc(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
    hugeString(maxChars).map((s) => enc(JSON.stringify({ name: s, notes: s }))),
  );
});

/** Path segments that are not ids: empty, encoded separators, broken escapes, injections. */
export const garbageSegment = memo((maxChars: number): fc.Arbitrary<string> => {
  return fc.oneof(
    // Node refuses a request head over 16 KB itself (431), so URL parts stay well under that.
    { weight: 6, arbitrary: hostileString(Math.min(maxChars, 1_000)).map((s) => encodeURIComponent(toWellFormed(s))) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%E0%A4%A',
        '%C0%80',
        '%ED%A0%80',
        '%FF',
        '%00',
        '..',
        '.',
        '%2e%2e',
        '..%2F..%2Fetc',
        '%2F',
        '%5C',
        '0',
        '-1',
        '1e9',
        'null',
        'undefined',
        '00000000000000000000000000',
        'zzzzzzzzzzzzzzzzzzzzzzzzzz',
        '0000000000000000000000000u',
        '%27%20OR%20%271%27%3D%271',
        'a'.repeat(5_000),
      ),
    },
    // Well-formed ids that name nothing.
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...'0123456789abcdefghjkmnpqrstvwxyz'), { minLength: 26, maxLength: 26 })
        .map((a) => a.join('')),
    },
  );
});

/** encodeURIComponent throws on lone surrogates; a client would send U+FFFD instead. */
export function toWellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
