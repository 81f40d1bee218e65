import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import type { Deps } from '../src/app/context.js';
import { reviewFigures } from '../src/app/review.js';
import { zonedInstant } from '../src/domain/dates.js';
import { resolvePeriod } from '../src/domain/period.js';
import { migrate, openStore, type Store } from '../src/store/db.js';
import { END, generate, REFERENCE, type Scale, SMOKE } from './generate.js';
import { load, type Row, rssMb, startServer, timeIt } from './measure.js';
import { reviewFloor } from './review-floor.js';

const { values: args } = parseArgs({
  options: {
    generate: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'reference' },
    duration: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/results.json' },
    seed: { type: 'string', default: '20261124' },
  },
});

const scale: Scale = args.scale === 'smoke' ? SMOKE : REFERENCE;
const duration = Number(args.duration);
const dataDir = path.resolve('bench/data', args.scale!);
const dbFile = path.join(dataDir, 'partnerloop.db');
const log = (s: string) => process.stderr.write(`${s}\n`);

async function prepare(): Promise<Store> {
  const marker = path.join(dataDir, 'generated.json');
  const fresh =
    !args.generate && fs.existsSync(marker) && JSON.parse(fs.readFileSync(marker, 'utf8')).seed === args.seed;
  if (!fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const store = openStore({ sqliteFile: dbFile });
  await migrate(store);
  if (!fresh) {
    const started = Date.now();
    let last = 0;
    await generate(store.db, scale, Number(args.seed), (what, done, total) => {
      if (Date.now() - last > 2000 || done === total) {
        last = Date.now();
        log(`  generating ${what}: ${done.toLocaleString()} / ${total.toLocaleString()}`);
      }
    });
    log(`Generated the ${args.scale} data set in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    fs.writeFileSync(marker, JSON.stringify({ seed: args.seed, scale }));
  }
  return store;
}

async function main() {
  const store = await prepare();
  const rows: Row[] = [];
  const partner = await store.db
    .selectFrom('partners')
    .select('id')
    .where('stage', '=', 'agreement')
    .limit(1)
    .executeTakeFirstOrThrow();
  rows.push(...(await reviewRows(store)));
  await store.close();

  const colds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await startServer({ DATA_DIR: dataDir });
    colds.push(s.coldStartMs);
    await s.stop();
  }
  colds.sort((a, b) => a - b);
  const cold = colds[2]!;
  rows.push({
    name: 'cold start to first answer',
    figure: `${cold.toFixed(0)} ms (median of 5)`,
    budget: '≤ 1000 ms',
    met: cold <= 1000,
    values: { median: cold },
  });

  const server = await startServer({ DATA_DIR: dataDir });
  try {
    const list = await load({
      url: `${server.url}/api/v1/partners?stage=contacted&sort=next_action&limit=50`,
      duration,
    });
    rows.push({
      name: 'partner list over HTTP (stage filter, next action, 50)',
      figure: `${list.rps.toFixed(0)} req/s, p50 ${list.p50} ms, p99 ${list.p99} ms, ${list.errors + list.non2xx} errors`,
      budget: '≥ 5000 req/s, p99 ≤ 20 ms',
      met: list.rps >= 5000 && list.p99 <= 20 && list.errors + list.non2xx === 0,
      values: { ...list },
    });

    const page = await timeIt(
      () =>
        Promise.all(
          [`/api/v1/partners/${partner.id}`, `/api/v1/partners/${partner.id}/activities?limit=50`].map((p) =>
            fetch(server.url + p).then((r) => r.arrayBuffer()),
          ),
        ),
      200,
    );
    rows.push({
      name: 'partner page over HTTP (partner, timeline)',
      figure: `median ${page.median.toFixed(1)} ms (p10 ${page.p10.toFixed(1)}, p90 ${page.p90.toFixed(1)})`,
      budget: '—',
      met: null,
      values: page,
    });

    const create = await load({
      url: `${server.url}/api/v1/referrals`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        direction: 'received',
        source: 'inbound',
        leadName: 'Benchmark lead',
        date: '2026-11-20',
      }),
      duration,
    });
    rows.push({
      name: 'create a referral over HTTP (durable commit)',
      figure: `${create.rps.toFixed(0)} req/s, p50 ${create.p50} ms, p99 ${create.p99} ms, ${create.errors + create.non2xx} errors`,
      budget: '≥ 2000 req/s, p99 ≤ 20 ms',
      met: create.rps >= 2000 && create.p99 <= 20 && create.errors + create.non2xx === 0,
      values: { ...create },
    });

    const rss = rssMb(server.pid);
    rows.push({
      name: 'server memory with the reference data',
      figure: rss === null ? 'n/a' : `${rss.toFixed(0)} MB RSS`,
      budget: '≤ 200 MB',
      met: rss === null ? null : rss <= 200,
      values: { rssMb: rss },
    });
  } finally {
    await server.stop();
  }

  rows.push(importRow(args.scale === 'smoke' ? 2_000 : 100_000));
  printTable(rows);
  fs.mkdirSync(path.dirname(path.resolve(args.out!)), { recursive: true });
  fs.writeFileSync(
    args.out!,
    `${JSON.stringify({ scale: args.scale, sizes: scale, database: 'sqlite', at: new Date().toISOString(), rows }, null, 2)}\n`,
  );
}

/** The monthly review through the app layer, against the same figures by hand-written SQL. */
async function reviewRows(store: Store): Promise<Row[]> {
  const deps: Deps = { store, clock: () => new Date(END), newId: uuidv7 };
  const ws = (await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id;
  const ctx = { workspaceId: ws, userId: null };
  const month = '2026-10';
  const app = await timeIt(() => reviewFigures(deps, ctx, { month }), 20);
  const sqlite = new Database(dbFile, { readonly: true });
  const period = resolvePeriod({ month }, 'UTC');
  const floor = reviewFloor(sqlite, ws, period, zonedInstant('2026-11-25', 'UTC'), '2026-05-01');
  const hand = await timeIt(async () => floor(), 20);
  sqlite.close();
  const ratio = app.median / hand.median;
  return [
    {
      name: 'monthly review, all figures (app layer)',
      figure: `median ${app.median.toFixed(1)} ms (p10 ${app.p10.toFixed(1)}, p90 ${app.p90.toFixed(1)})`,
      budget: '≤ 50 ms',
      met: app.median <= 50,
      values: app,
    },
    {
      name: 'monthly review by hand-written SQL (the floor)',
      figure: `median ${hand.median.toFixed(1)} ms; app/floor ${ratio.toFixed(2)}×`,
      budget: 'app ≤ 1.5× floor',
      met: ratio <= 1.5,
      values: { ...hand, ratio },
    },
  ];
}

/** CSV import of referrals through the real CLI (bench/import.mjs), in its own process. */
function importRow(count: number): Row {
  const file = path.resolve('.tmp', `bench-import-${process.pid}.json`);
  const run = spawnSync(process.execPath, ['bench/import.mjs', String(count), 'referrals', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('the import benchmark failed');
  const r = JSON.parse(fs.readFileSync(file, 'utf8')).csvImportReferrals;
  fs.rmSync(file);
  return {
    name: `CSV import of ${count.toLocaleString('en')} referrals (SQLite)`,
    figure: `${r.rowsPerSecond.toLocaleString('en')} rows/s, peak ${r.peakRssMB} MB RSS`,
    budget: '≥ 50,000 rows/s, memory flat',
    met: r.rowsPerSecond >= 50_000,
    values: r,
  };
}

function printTable(rows: Row[]) {
  const head = ['work', 'measured', 'budget', 'met'];
  const body = rows.map((r) => [r.name, r.figure, r.budget, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
