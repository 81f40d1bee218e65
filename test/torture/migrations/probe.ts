import { type Kysely, sql } from 'kysely';
import { runtimeFor } from '../../../src/app/runtime.js';
import { createHttpApp } from '../../../src/http/app.js';
import { type Dialect, migrate, type Store } from '../../../src/store/db.js';
import { migrations } from '../../../src/store/migrations/index.js';
import { openTestDb, TestClock } from '../../helpers/db.js';
import { type FailureGroup, Failures } from '../failures.js';
import { FIXTURE, FIXTURE_IDS } from './fixture.js';

export interface MigrationFigures {
  dialect: Dialect;
  /** Earlier schema versions populated and migrated to the latest. */
  versions: number;
  rowsChecked: number;
  failures: FailureGroup[];
}

type Row = Record<string, unknown>;

/** What the app must be able to show of the migrated workspace (a 200 each), with the table a read needs. */
const READS: [target: string, needs?: string][] = [
  ['/api/v1/profile'],
  ['/api/v1/partners?archived=include'],
  [`/api/v1/partners/${FIXTURE_IDS.partners[0]}`],
  [`/api/v1/partners/${FIXTURE_IDS.partners[0]}/activities`],
  [`/api/v1/partners/${FIXTURE_IDS.partners[0]}/agreements`],
  [`/api/v1/partners/${FIXTURE_IDS.partners[0]}/calls`],
  [`/api/v1/partners/${FIXTURE_IDS.partners[1]}/messages`],
  [`/api/v1/referrals/${FIXTURE_IDS.referral}`, 'referrals'],
  ['/api/v1/referrals'],
  ['/api/v1/fees'],
  ['/api/v1/fees/totals'],
  ['/api/v1/agreements'],
  [`/api/v1/agreements/${FIXTURE_IDS.agreement}/one-pager.md`, 'agreements'],
  ['/api/v1/templates'],
  ['/api/v1/reviews'],
  ['/api/v1/today'],
  ['/api/v1/followups'],
  ['/api/v1/calendar.ics'],
  ['/api/v1/review?month=2026-10'],
  ['/api/v1/checklist'],
];

/**
 * For each earlier schema version k: a fresh database migrated to k, the fixture's rows for the
 * tables and columns k has, then every later migration; every row must be there unchanged, and
 * the app must read the workspace (every read answers 200, and derived state agrees with the
 * rows, e.g. the bad-fit flag on the partner with two bad-fit referrals).
 */
export async function runMigrations(dialect: Dialect): Promise<MigrationFigures> {
  const names = Object.keys(migrations);
  const failures = new Failures();
  let rowsChecked = 0;
  // Version k has the first k migrations; the latest version is covered by every other test.
  for (let k = 1; k < names.length; k++) {
    const version = names[k - 1]!;
    const db = await openTestDb(dialect, { migrate: false });
    try {
      const upTo = Object.fromEntries(names.slice(0, k).map((n) => [n, migrations[n]!]));
      await migrate(db.store, upTo);
      const inserted = await insertFixture(db.store);
      await migrate(db.store);
      for (const [table, rows] of inserted) {
        const now = await readRows(db.store, table);
        for (const row of rows) {
          rowsChecked += 1;
          const found = now.get(String(row.id ?? `${row.partner_id}|${row.tag}`));
          const changed = found && Object.keys(row).filter((c) => !same(row[c], found[c]));
          if (!found || changed!.length > 0) {
            failures.add({
              kind: found ? 'row changed by the migrations' : 'row lost by the migrations',
              where: `from ${version} [${dialect}]`,
              input: `${table} ${JSON.stringify(row).slice(0, 300)}`,
              ...(found ? { detail: `columns ${changed!.join(', ')}: ${JSON.stringify(found).slice(0, 300)}` } : {}),
            });
          }
        }
      }
      if (!inserted.has('stage_events')) {
        // Before 004 the stage history lived only in the timeline; 004 must carry it over.
        const events = await readRows(db.store, 'stage_events');
        for (const a of FIXTURE.find(([t]) => t === 'activities')![1]) {
          const data = JSON.parse(String(a.data)) as { stage?: string; to?: string };
          const stage = a.kind === 'partner.created' ? data.stage : a.kind === 'stage.changed' ? data.to : undefined;
          if (!stage) continue;
          rowsChecked += 1;
          if (events.get(String(a.id))?.stage !== stage) {
            failures.add({
              kind: 'stage history not carried over',
              where: `from ${version} [${dialect}]`,
              input: `activity ${a.id} → ${stage}`,
            });
          }
        }
      }
      await checkApp(db.store, version, dialect, new Set(inserted.keys()), failures);
    } catch (e) {
      failures.add({ kind: 'migration failed', where: `from ${version} [${dialect}]`, input: String(e) });
    } finally {
      await db.cleanup();
    }
  }
  return { dialect, versions: names.length - 1, rowsChecked, failures: failures.list() };
}

const raw = (store: Store) => store.db.withoutPlugins() as unknown as Kysely<Record<string, Row>>;

/** Inserts the rows of each table this version has, with only the columns it has. */
async function insertFixture(store: Store): Promise<Map<string, Row[]>> {
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
      : undefined;
  const tables = await store.db.introspection.getTables();
  const columns = new Map(
    tables.filter((t) => !schema || t.schema === schema).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]),
  );
  const inserted = new Map<string, Row[]>();
  for (const [table, rows] of FIXTURE) {
    const have = columns.get(table);
    if (!have) continue;
    const fitted = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => have.has(c))));
    await raw(store).insertInto(table).values(fitted).execute();
    inserted.set(table, fitted);
  }
  return inserted;
}

async function readRows(store: Store, table: string): Promise<Map<string, Row>> {
  const rows = await raw(store).selectFrom(table).selectAll().execute();
  return new Map(rows.map((r) => [String(r.id ?? `${r.partner_id}|${r.tag}`), r]));
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && Number(b) === a);
}

async function checkApp(store: Store, version: string, dialect: Dialect, tables: Set<string>, failures: Failures) {
  const rt = await runtimeFor(store, new TestClock().now);
  const where = `from ${version} [${dialect}]`;
  if (rt.ctx.workspaceId !== FIXTURE_IDS.workspace) {
    failures.add({ kind: 'the app did not find the migrated workspace', where, input: rt.ctx.workspaceId });
    return;
  }
  const app = createHttpApp({ deps: rt.deps, ctx: rt.ctx, logError: () => {} });
  for (const [target, needs] of READS) {
    if (needs && !tables.has(needs)) continue;
    const res = await app.request(target);
    if (res.status !== 200) {
      failures.add({
        kind: 'the app cannot read a migrated workspace',
        where,
        status: res.status,
        input: `GET ${target}`,
        detail: (await res.text()).slice(0, 300),
      });
    }
  }
  await checkDerived(app, where, failures);
}

/** State the app derives and stores must agree with what it derives on the spot. */
async function checkDerived(app: ReturnType<typeof createHttpApp>, where: string, failures: Failures) {
  const flags = (await (await app.request(`/api/v1/partners/${FIXTURE_IDS.badFitPartner}/flags`)).json()) as {
    badFit?: { flagged?: boolean };
  };
  const listed = (await (await app.request('/api/v1/flags')).json()) as { items?: { partnerId: string }[] };
  const inList = (listed.items ?? []).some((p) => p.partnerId === FIXTURE_IDS.badFitPartner);
  if (flags.badFit?.flagged !== inList) {
    failures.add({
      kind: 'bad-fit flag disagrees after migrating',
      where,
      input: `GET /partners/{id}/flags says flagged=${flags.badFit?.flagged}; GET /flags ${inList ? 'lists' : 'does not list'} it`,
    });
  }
}
