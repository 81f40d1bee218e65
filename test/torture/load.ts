import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { Rng } from '../../bench/rng.js';
import { runtimeFor } from '../../src/app/runtime.js';
import { loadTestConfig } from '../../src/config.js';
import type { Dialect } from '../../src/store/db.js';
import { importText } from '../helpers/csv.js';
import { openTestDb, TestClock } from '../helpers/db.js';
import { importReferralText } from '../helpers/referral-csv.js';
import { seedWorkspace } from './seed.js';
import { type ServerProcess, spawnServer, withSearchPath } from './server.js';
import type { TortureSizes } from './sizes.js';

export interface LoadFigures {
  dialect: Dialect;
  connections: number;
  seconds: number;
  requests: number;
  reads: number;
  writes: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The first few non-2xx answers, as "METHOD path → status: body". */
  refused: string[];
}

const PARTNERS = 300;
const REFERRALS = 1_000;

/**
 * 50 connections on loopback against a real server for a bounded time, 80% reads (lists with
 * filters and sorts, a partner's page, Today, the review) and 20% writes (referrals, partners,
 * notes). Every answer must be a 2xx; throughput and p99 latency are the figures.
 */
export async function runLoad(dialect: Dialect, sizes: TortureSizes): Promise<LoadFigures> {
  const db = await openTestDb(dialect, { sqliteName: 'partnerloop.db' });
  let server: ServerProcess | undefined;
  try {
    const runtime = await runtimeFor(db.store, new TestClock().now);
    const seeded = await seedWorkspace(runtime.deps, runtime.ctx);
    const partnerCsv = Array.from({ length: PARTNERS }, (_, i) => `Load partner ${i},agency,web,p${i}@load.example`);
    await importText(runtime.deps, runtime.ctx, `name,type,subtype,email\n${partnerCsv.join('\n')}\n`);
    const referralCsv = Array.from(
      { length: REFERRALS },
      (_, i) =>
        `received,partner,Load partner ${i % PARTNERS},Lead ${i},2026-${String((i % 11) + 1).padStart(2, '0')}-15`,
    );
    await importReferralText(
      runtime.deps,
      runtime.ctx,
      `direction,source,partner,lead,date\n${referralCsv.join('\n')}\n`,
    );
    const ids = (
      await runtime.deps.store.db
        .selectFrom('partners')
        .select('id')
        .where('workspaceId', '=', runtime.ctx.workspaceId)
        .execute()
    ).map((r) => r.id);

    const where =
      dialect === 'sqlite'
        ? { dataDir: path.dirname(db.store.file!) }
        : {
            databaseUrl: withSearchPath(
              loadTestConfig().testDatabaseUrl!,
              (await sql<{ s: string }>`select current_schema() as s`.execute(db.store.db)).rows[0]!.s,
            ),
          };
    server = await spawnServer(where);
    const rng = new Rng(sizes.seed);
    let reads = 0;
    let writes = 0;
    let made = 0;
    const refused: string[] = [];
    const pick = () => ids[rng.int(0, ids.length - 1)]!;
    const json = { 'content-type': 'application/json' };
    const READS: (() => string)[] = [
      () => '/api/v1/partners?limit=50',
      () => `/api/v1/partners?stage=${rng.pick(['identified', 'contacted', 'call_done'])}&sort=next_action&limit=50`,
      () => `/api/v1/partners?q=${encodeURIComponent(`partner ${rng.int(0, PARTNERS)}`)}&sort=name`,
      () =>
        `/api/v1/partners?sort=${rng.pick(['name', 'updated', 'stage'])}&dir=${rng.pick(['asc', 'desc'])}&limit=${rng.int(1, 100)}`,
      () => `/api/v1/partners/${pick()}`,
      () => `/api/v1/partners/${pick()}/activities?limit=50`,
      () => `/api/v1/referrals?partnerId=${pick()}&limit=50`,
      () => '/api/v1/referrals?limit=50',
      () => `/api/v1/fees?partnerId=${seeded.partner[1]}&limit=100`,
      () => '/api/v1/fees/totals',
      () => '/api/v1/today',
      () => `/api/v1/review?month=2026-${String(rng.int(1, 11)).padStart(2, '0')}`,
    ];
    const WRITES: (() => autocannon.Request)[] = [
      () => ({
        method: 'POST',
        path: '/api/v1/referrals',
        headers: json,
        body: JSON.stringify({
          leadName: `Load lead ${made++}`,
          direction: 'received',
          partnerId: pick(),
          date: '2026-11-20',
        }),
      }),
      () => ({
        method: 'POST',
        path: '/api/v1/partners',
        headers: json,
        body: JSON.stringify({ name: `Load new ${made++}`, type: 'brand' }),
      }),
      () => ({
        method: 'PATCH',
        path: `/api/v1/partners/${pick()}`,
        headers: json,
        body: JSON.stringify({ notes: `load note ${made++}`, nextActionDate: '2026-12-01' }),
      }),
    ];
    const result = await autocannon({
      url: server.url,
      connections: sizes.loadConnections,
      duration: sizes.loadSeconds,
      pipelining: 1,
      requests: [
        {
          // One connection has one request in flight (no pipelining), so its context can carry
          // what it asked for to the answer.
          setupRequest: (req, context) => {
            const write = rng.chance(0.2);
            if (write) writes += 1;
            else reads += 1;
            const next: autocannon.Request = write
              ? { ...req, ...rng.pick(WRITES)() }
              : { ...req, method: 'GET', path: rng.pick(READS)(), body: undefined, headers: {} };
            (context as { asked?: string }).asked = `${next.method} ${next.path}`;
            return next;
          },
          onResponse: (status, body, context) => {
            if ((status < 200 || status >= 300) && refused.length < 10) {
              refused.push(`${(context as { asked?: string }).asked} → ${status}: ${String(body).slice(0, 200)}`);
            }
          },
        },
      ],
    });
    return {
      dialect,
      connections: sizes.loadConnections,
      seconds: sizes.loadSeconds,
      requests: result.requests.total,
      reads,
      writes,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      refused,
    };
  } finally {
    await server?.stop();
    await db.cleanup();
  }
}
