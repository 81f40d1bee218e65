import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Ctx, Deps } from '../../src/app/context.js';
import { editReferral } from '../../src/app/referrals.js';
import { runtimeFor } from '../../src/app/runtime.js';
import { loadTestConfig } from '../../src/config.js';
import { createHttpApp } from '../../src/http/app.js';
import { BACKUP_TABLES } from '../../src/store/backup.js';
import type { Dialect, Store } from '../../src/store/db.js';
import { importText } from '../helpers/csv.js';
import { openTestDb, TestClock, type TestDb } from '../helpers/db.js';
import { partnerloop } from './cli.js';
import { type FailureGroup, Failures } from './failures.js';
import { seedWorkspace } from './seed.js';
import { type Where, withSearchPath } from './server.js';

export interface DirectionFigures {
  from: Dialect;
  to: Dialect;
  rows: number;
  /** Rows in one database and not the other, after normalising (0 is the promise). */
  differences: number;
  /** API answers that differ between the two workspaces (0 is the promise). */
  apiDifferences: number;
  backupMs: number;
  restoreMs: number;
}

export interface DirectionsResult {
  directions: DirectionFigures[];
  failures: FailureGroup[];
}

/** What the app shows of a workspace, asked through the API (differences here are visible ones). */
const API_READS = [
  '/api/v1/profile',
  '/api/v1/partners?archived=include&sort=name&limit=500',
  '/api/v1/referrals?limit=500',
  '/api/v1/fees?limit=500',
  '/api/v1/fees/totals',
  '/api/v1/agreements',
  '/api/v1/templates',
  '/api/v1/reviews',
  '/api/v1/messages?limit=200',
  '/api/v1/today',
  '/api/v1/review?month=2026-10',
  '/api/v1/calendar.ics',
];

/**
 * Backup → restore in every direction the run's databases allow (SQLite→SQLite, SQLite→PG,
 * PG→SQLite, PG→PG), through the real CLI: every table's rows and the API's answers must come
 * back identical, ids and all, with only the workspace id different.
 */
export async function runBackupDirections(dialects: Dialect[]): Promise<DirectionsResult> {
  const failures = new Failures();
  const directions: DirectionFigures[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-directions-'));
  const clock = new TestClock();
  try {
    for (const from of dialects) {
      const src = await openTestDb(from, { sqliteName: 'partnerloop.db' });
      try {
        const rt = await runtimeFor(src.store, clock.now);
        await richWorkspace(rt.deps, rt.ctx);
        const file = path.join(work, `from-${from}.jsonl`);
        const backup = await partnerloop(['backup', '--out', file], await whereOf(src));
        if (backup.code !== 0) throw new Error(`backup on ${from} failed: ${backup.stderr}`);
        const before = await tableRows(src.store, rt.ctx.workspaceId);
        const beforeApi = await apiAnswers(rt.deps, rt.ctx);
        for (const to of dialects) {
          const dst = await openTestDb(to, { sqliteName: 'partnerloop.db' });
          try {
            const restore = await partnerloop(['restore', file], await whereOf(dst));
            if (restore.code !== 0) {
              failures.add({ kind: 'restore failed', where: `${from} → ${to}`, input: restore.stderr.slice(0, 500) });
              continue;
            }
            const dt = await runtimeFor(dst.store, clock.now);
            const after = await tableRows(dst.store, dt.ctx.workspaceId);
            const differences = diffRows(before, after, `${from} → ${to}`, failures);
            const afterApi = await apiAnswers(dt.deps, dt.ctx);
            let apiDifferences = 0;
            for (const [target, answer] of beforeApi) {
              if (afterApi.get(target) === answer) continue;
              apiDifferences += 1;
              failures.add({
                kind: 'restored workspace answers differently',
                where: `${from} → ${to}`,
                input: `GET ${target}`,
                detail: firstDifference(answer, afterApi.get(target) ?? ''),
              });
            }
            directions.push({
              from,
              to,
              rows: [...before.values()].reduce((n, rows) => n + rows.length, 0),
              differences,
              apiDifferences,
              backupMs: backup.ms,
              restoreMs: restore.ms,
            });
          } finally {
            await dst.cleanup();
          }
        }
      } finally {
        await src.cleanup();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { directions, failures: failures.list() };
}

/** The seeded workspace plus text and numbers that test the formats: quotes, lines, emoji, 2^53−1. */
async function richWorkspace(deps: Deps, ctx: Ctx) {
  const ids = await seedWorkspace(deps, ctx);
  await importText(
    deps,
    ctx,
    'name,type,tags,notes,next action date\n' +
      '"Quote ""Studio""",brand,"a, b","line one\nline two",2026-12-01\n' +
      'Émoji 🙂 Co,copywriter,ünï,"tab\there; semi",\n' +
      'Ledgerly,complementary,,"=SUM(A1)",2027-01-31\n',
  );
  await editReferral(deps, ctx, ids.referral[3]!, { notes: 'Big client 💰\r\nwith CRLF', company: 'Ünïcode GmbH' });
}

async function whereOf(db: TestDb): Promise<Where> {
  if (db.store.dialect === 'sqlite') return { dataDir: path.dirname(db.store.file!) };
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db.store.db)).rows[0]!.s;
  return { databaseUrl: withSearchPath(loadTestConfig().testDatabaseUrl!, schema) };
}

type Row = Record<string, unknown>;

/** Every backed-up table's rows of the workspace, by SQL column name, as normalised JSON lines. */
async function tableRows(store: Store, workspaceId: string): Promise<Map<string, string[]>> {
  const db = store.db.withoutPlugins() as unknown as Kysely<Record<string, Row>>;
  const out = new Map<string, string[]>();
  for (const t of BACKUP_TABLES) {
    const rows = await db.selectFrom(t.name).selectAll().where(t.scope, '=', workspaceId).execute();
    // Sorted here, not by SQL: the two databases collate text differently.
    out.set(t.name, rows.map((r) => normalise(r, workspaceId)).sort());
  }
  return out;
}

function normalise(row: Row, workspaceId: string): string {
  const keys = Object.keys(row).sort();
  const fixed = Object.fromEntries(keys.map((k) => [k, typeof row[k] === 'bigint' ? Number(row[k]) : row[k]]));
  return JSON.stringify(fixed).replaceAll(workspaceId, 'WS');
}

function diffRows(a: Map<string, string[]>, b: Map<string, string[]>, where: string, failures: Failures): number {
  let n = 0;
  for (const [table, rows] of a) {
    const other = b.get(table) ?? [];
    const missing = rows.filter((r) => !other.includes(r));
    const extra = other.filter((r) => !rows.includes(r));
    n += missing.length + extra.length;
    for (const r of missing)
      failures.add({ kind: `${table}: row missing or changed after restore`, where, input: r.slice(0, 400) });
    for (const r of extra) failures.add({ kind: `${table}: row only in the restore`, where, input: r.slice(0, 400) });
  }
  return n;
}

async function apiAnswers(deps: Deps, ctx: Ctx): Promise<Map<string, string>> {
  const app = createHttpApp({ deps, ctx, logError: () => {} });
  const out = new Map<string, string>();
  for (const target of API_READS) {
    const res = await app.request(target);
    const text = (await res.text()).replaceAll(ctx.workspaceId, 'WS');
    // DTSTAMP is when the calendar file was written (the ics package reads the real clock).
    out.set(target, `${res.status} ${text.replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP:…')}`);
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))} vs …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
}
