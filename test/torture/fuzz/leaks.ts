/**
 * What must never reach a client: a stack trace, SQL text, or a database driver's own message.
 * Each pattern names what it found, for the report.
 */
const INTERNALS: [string, RegExp][] = [
  ['stack trace', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+\)?/g],
  ['stack trace', /\b\w*Error: [^\n]*\n\s+at /g],
  ['source path', /\/work\/|\/node_modules\/|dist\/cli\.js|src\/(?:store|app|http|domain)\/[\w-]+\.ts/g],
  [
    'SQLite driver',
    /\bSQLITE_[A-Z_]+\b|SqliteError|no such (?:table|column|function)|constraint failed|database is locked|disk I\/O error|file is not a database/g,
  ],
  [
    'PostgreSQL driver',
    /duplicate key value|violates (?:foreign key|unique|not-null|check|exclusion) constraint|invalid byte sequence|invalid input syntax|syntax error at or near|relation "[^"]+" does not exist|column "[^"]+" (?:of relation|does not exist)|null value in column|unsupported Unicode escape|out of range for type|current transaction is aborted|DatabaseError|ECONNREFUSED|\bpg_[a-z_]+\b/g,
  ],
];
/** SQL as Kysely writes it: quoted identifiers, placeholders. Checked in JSON text values only. */
const SQL: [string, RegExp][] = [
  ['SQL text', /\b(?:select|insert\s+into|update|delete\s+from)\b[^\n]{0,300}?"[a-z_]+"/gi],
  [
    'SQL text',
    /\b(?:select\s+[\w*", ]+\s+from\s+"?\w|insert\s+into\s+"?\w+"?\s*\(|\bwhere\s+"?\w+"?\s*=\s*(?:\?|\$\d+))/gi,
  ],
];

export interface Leak {
  what: string;
  text: string;
}

/**
 * The first leak in a response body. JSON answers are checked a text value at a time; text the
 * fuzzer itself sent is never a leak (a stored note that reads like SQL comes back in every
 * list, and that is the user's own data).
 */
export function findLeak(body: string, contentType: string, sent: SentStrings): Leak | undefined {
  if (/pdf|octet-stream/.test(contentType)) return undefined;
  const parsed = /json/.test(contentType) ? parseJson(body) : undefined;
  if (parsed !== undefined) {
    const texts: string[] = [];
    collect(parsed, texts);
    for (const t of texts) {
      if (sent.has(t)) continue;
      const leak = scan(t, [...INTERNALS, ...SQL], sent);
      if (leak) return leak;
    }
    return undefined;
  }
  // Exports, calendar files and pages quote user text their own way; SQL-looking text there is
  // the user's, but a stack trace or driver message never is.
  return scan(body, INTERNALS, sent);
}

function scan(text: string, patterns: [string, RegExp][], sent: SentStrings): Leak | undefined {
  for (const [what, re] of patterns) {
    for (const m of text.matchAll(re)) {
      if (sent.explains(m[0])) continue;
      const from = Math.max(0, (m.index ?? 0) - 60);
      return { what, text: text.slice(from, (m.index ?? 0) + m[0].length + 60) };
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function collect(v: unknown, out: string[]) {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collect(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      collect(x, out);
    }
  }
}

/** Every string the fuzzer has sent, to tell the user's own text from the server's internals. */
export class SentStrings {
  private readonly all: string[] = [];
  private readonly seen = new Set<string>();

  add(strings: string[]) {
    for (const s of strings) {
      // Huge strings are one character repeated: they cannot spell SQL, so they need no room here.
      if (s.length < 3 || s.length > 20_000 || this.seen.has(s)) continue;
      this.seen.add(s);
      this.all.push(s);
    }
  }

  has(s: string): boolean {
    return this.seen.has(s);
  }

  /** Whether `match` is part of something the fuzzer sent (then it is the user's text). */
  explains(match: string): boolean {
    return this.all.some((s) => s.includes(match));
  }
}
