import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Rng } from '../../../bench/rng.js';
import { runtimeFor } from '../../../src/app/runtime.js';
import { loadTestConfig } from '../../../src/config.js';
import { createHttpApp } from '../../../src/http/app.js';
import type { Dialect, Store } from '../../../src/store/db.js';
import { openTestDb, TestClock } from '../../helpers/db.js';
import { type FailureGroup, Failures } from '../failures.js';
import { seedWorkspace } from '../seed.js';
import { type ServerProcess, spawnServer, type Where, withSearchPath } from '../server.js';
import type { TortureSizes } from '../sizes.js';
import { harvestIds, kindOfRoute } from './harvest.js';
import { type IdKind, IdPool, IdRef, kindOfPath } from './ids.js';
import { findLeak, SentStrings } from './leaks.js';
import { type OpenApiDoc, type Operation, operationsOf } from './operations.js';
import { sendOversize } from './oversize.js';
import { type FuzzInput, inputArbitrary, toWire, type WireRequest } from './requests.js';
import { changedTables, postgresWatch, type StateWatch, sqliteWatch } from './state.js';
import { type Answer, inProcess, overHttp, type Send } from './transport.js';

export interface FuzzFigures {
  dialect: Dialect;
  routes: number;
  /** Inputs sent to every route (half in process, half to the server process). */
  inputsPerRoute: number;
  requests: number;
  statuses: Record<string, number>;
  /** Answers after which the per-table checksums were computed (something may have changed). */
  hashed: number;
  oversizeProbes: number;
  /** Routes no input got a 2xx from: the fuzzer never reached their success path. */
  neverOk: string[];
  serverRestarts: number;
  seconds: number;
  failures: FailureGroup[];
  failureCount: number;
}

/** Reads every write must leave working (see feedsStillRead). */
const FEEDS = ['/api/v1/calendar.ics', '/api/v1/today'];

/** A JSON body well past anything the API accepts (the largest real one is tens of kilobytes). */
const OVERSIZE_BYTES = 20 * 1024 * 1024;

/**
 * The OpenAPI-driven fuzzer: every route gets `fuzzInputsPerRoute` generated requests, valid,
 * mutated and hostile, rounds interleaved across routes so reads see what writes stored. Half go
 * through the app in process (TestClock), half over a socket to a spawned server on the same
 * database. No answer may be a 5xx, leak internals, or follow a 4xx with a changed table.
 */
export async function runFuzz(dialect: Dialect, sizes: TortureSizes, log: (s: string) => void = () => {}) {
  const started = performance.now();
  const db = await openTestDb(dialect, { sqliteName: 'partnerloop.db' });
  const failures = new Failures();
  const statuses: Record<string, number> = {};
  let server: ServerProcess | undefined;
  let remote: ReturnType<typeof overHttp> | undefined;
  let watch: StateWatch | undefined;
  let requests = 0;
  let hashed = 0;
  let restarts = 0;
  let oversizeProbes = 0;
  let routes = 0;
  const succeeded = new Set<string>();
  let neverOk: string[] = [];
  try {
    const clock = new TestClock();
    const runtime = await runtimeFor(db.store, clock.now);
    const pool = new IdPool();
    const seeded = await seedWorkspace(runtime.deps, runtime.ctx);
    for (const [kind, list] of Object.entries(seeded)) for (const id of list) pool.add(kind as IdKind, id);

    const appErrors: string[] = [];
    const app = createHttpApp({
      deps: runtime.deps,
      ctx: runtime.ctx,
      logError: (e) => appErrors.push(e instanceof Error ? (e.stack ?? e.message) : String(e)),
    });
    const local = inProcess((r) => app.fetch(r));
    const where = await serverWhere(dialect, db.store);
    server = await spawnServer(where);
    remote = overHttp(server.url);
    watch =
      dialect === 'sqlite'
        ? sqliteWatch(db.store.file!)
        : await postgresWatch(loadTestConfig().testDatabaseUrl!, where.schema!);
    let last = await watch.hash();

    const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const ops = operationsOf(doc);
    routes = ops.length;
    const allKeys = ops.map((op) => op.key);
    const sent = new SentStrings();
    const rng = new Rng(sizes.seed);
    const half = Math.ceil(sizes.fuzzInputsPerRoute / 2);
    const streams = ops.map((op, i) => ({
      op,
      local: inputs(inputArbitrary(op, sizes.fuzzHugeChars, false), half, sizes.seed + i * 1_000_003),
      remote: inputs(inputArbitrary(op, sizes.fuzzHugeChars, true), half, sizes.seed + i * 1_000_003 + 17),
    }));

    /** Sends one request and checks everything the probe promises about its answer. */
    const probe = async (op: Operation, input: FuzzInput, viaServer: boolean) => {
      const s = server!;
      const wire = toWire(op, input, pool, new URL(s.url).host);
      sent.add([...wire.strings, wire.target]);
      requests += 1;
      const send: Send = viaServer ? remote! : local;
      const mark = viaServer ? s.stderrMark() : appErrors.length;
      let answer: Answer;
      try {
        answer = await send(wire);
      } catch (e) {
        // Node itself refuses a request head over 16 KB (431) and may reset the socket under it.
        const nodeLimit = viaServer && Buffer.byteLength(wire.target) > 16_000;
        if (nodeLimit && !s.exited()) {
          statuses['431 by Node'] = (statuses['431 by Node'] ?? 0) + 1;
        } else if (viaServer && s.exited()) {
          failures.add({ kind: 'server died', where: op.key, input: wire.summary(), detail: tail(s.stderr()) });
          restarts += 1;
          remote!.close();
          server = await spawnServer(where);
          remote = overHttp(server.url);
        } else {
          failures.add({ kind: 'no answer', where: op.key, input: wire.summary(), detail: String(e) });
        }
        last = await rehash(watch!, last, () => (hashed += 1));
        return;
      }
      const cls = `${Math.floor(answer.status / 100)}xx`;
      statuses[cls] = (statuses[cls] ?? 0) + 1;
      if (answer.status < 300) succeeded.add(op.key);
      // What the server logged for this request: its stderr arrives a moment after the answer.
      const logged = async () => {
        if (!viaServer) return appErrors.slice(mark).join('\n');
        await new Promise((r) => setTimeout(r, 30));
        return s.stderrSince(mark);
      };
      await check(op, input, wire, answer, logged);
      if (await watch!.moved()) {
        hashed += 1;
        const now = await watch!.hash();
        const changed = changedTables(last, now);
        if (answer.status >= 400 && answer.status < 500 && changed.length > 0) {
          failures.add({
            kind: 'state changed after a 4xx',
            where: op.key,
            status: answer.status,
            input: wire.summary(),
            detail: `tables changed: ${changed.join(', ')}; answer ${answer.body.toString('utf8').slice(0, 300)}`,
          });
        }
        last = now;
      }
      if (answer.status < 300 && op.method !== 'GET') await feedsStillRead(op, wire);
      if (answer.status < 300 && /json/.test(answer.contentType)) {
        const parsed = parseJson(answer.body.toString('utf8'));
        if (parsed !== undefined) harvestIds(parsed, kindOfRoute(op.path), pool);
      }
    };

    /**
     * Reads that must keep working whatever was written: a value the API accepted must not
     * break the calendar feed or Today for good. Reported once, by the write that broke it.
     */
    const feedOk = new Map(FEEDS.map((f) => [f, true]));
    const feedsStillRead = async (op: Operation, wire: WireRequest) => {
      for (const feed of FEEDS) {
        const res = await app.request(feed);
        const ok = res.status === 200;
        if (!ok && feedOk.get(feed)) {
          failures.add({
            kind: `GET ${feed.replace('/api/v1', '')} broken by an accepted write`,
            where: op.key,
            status: res.status,
            input: wire.summary(),
            detail: (await res.text()).slice(0, 300),
          });
        } else await res.arrayBuffer();
        feedOk.set(feed, ok);
      }
    };

    const check = async (
      op: Operation,
      input: FuzzInput,
      wire: WireRequest,
      answer: Answer,
      logged: () => Promise<string>,
    ) => {
      const text = answer.body.toString('utf8');
      const base = { where: op.key, status: answer.status, input: wire.summary() };
      if (answer.status >= 500) {
        failures.add({ ...base, kind: '5xx', detail: `logged: ${errorSummary(await logged())}` });
      }
      if (/ndjson/.test(answer.contentType) && /"type":"error","error":\{"code":"internal"/.test(text)) {
        failures.add({
          ...base,
          kind: '5xx inside an NDJSON stream',
          detail: `logged: ${errorSummary(await logged())}`,
        });
      }
      const leak = findLeak(text, answer.contentType, sent);
      if (leak) failures.add({ ...base, kind: `leak: ${leak.what}`, detail: JSON.stringify(leak.text) });
      if (input.probe === 'host' && (answer.status < 400 || answer.status >= 500)) {
        failures.add({ ...base, kind: 'foreign Host header accepted (DNS rebinding)' });
      }
      if (input.probe === 'origin' && (answer.status < 400 || answer.status >= 500)) {
        failures.add({ ...base, kind: 'foreign Origin accepted on a write (cross-site request)' });
      }
    };

    const rounds = half * 2;
    let nextLog = performance.now() + 10_000;
    for (let round = 0; round < rounds; round++) {
      const order = streams.map((_, i) => i);
      shuffle(order, rng);
      for (const i of order) {
        const viaServer = (round + i) % 2 === 1;
        const next = (viaServer ? streams[i]!.remote : streams[i]!.local).next();
        if (next.done) continue;
        await probe(streams[i]!.op, next.value, viaServer);
      }
      if (performance.now() > nextLog) {
        nextLog = performance.now() + 10_000;
        log(`  fuzz [${dialect}]: ${requests} requests, ${failures.total} failures`);
      }
    }

    neverOk = allKeys.filter((k) => !succeeded.has(k));
    // Body limits: one oversize body per JSON route (the short pass tries the first few).
    const jsonOps = ops.filter((op) => op.body?.contentType === 'application/json');
    const oversized = sizes.fuzzInputsPerRoute >= 1_000 ? jsonOps : jsonOps.slice(0, 3);
    for (const op of oversized) {
      const id = pool.resolve(new IdRef(kindOfPath(op.path) ?? 'partner', 0));
      const target = `/api/v1${op.path.replace(/\{\w+\}/g, id)}`;
      const answer = await sendOversize(server.url, op.method, target, OVERSIZE_BYTES);
      oversizeProbes += 1;
      requests += 1;
      const input = `${op.method} ${target} | body {"name":"aaaa…"} of ${OVERSIZE_BYTES} bytes`;
      if (answer.status !== 413) {
        failures.add({
          kind: 'body limit: no 413 for a 20 MB JSON body',
          where: op.key,
          ...(answer.status === undefined ? {} : { status: answer.status }),
          input,
          ...(answer.error ? { detail: answer.error } : {}),
        });
      }
      if (server.exited()) {
        failures.add({ kind: 'server died', where: op.key, input, detail: tail(server.stderr()) });
        restarts += 1;
        server = await spawnServer(where);
      }
      if (await watch.moved()) {
        hashed += 1;
        const now = await watch.hash();
        const changed = changedTables(last, now);
        if ((answer.status ?? 400) >= 400 && changed.length > 0) {
          failures.add({ kind: 'state changed after a 4xx', where: op.key, input, detail: changed.join(', ') });
        }
        last = now;
      }
    }
  } finally {
    remote?.close();
    await server?.stop();
    await watch?.close();
    await db.cleanup();
  }
  const seconds = (performance.now() - started) / 1000;
  const figures: FuzzFigures = {
    dialect,
    routes,
    inputsPerRoute: sizes.fuzzInputsPerRoute,
    requests,
    statuses,
    hashed,
    oversizeProbes,
    neverOk,
    serverRestarts: restarts,
    seconds,
    failures: failures.list(),
    failureCount: failures.total,
  };
  return figures;
}

/** Where the spawned server finds the database the test opened: its folder, or its schema. */
async function serverWhere(dialect: Dialect, store: Store): Promise<Where & { schema?: string }> {
  if (dialect === 'sqlite') return { dataDir: path.dirname(store.file!) };
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
  return { databaseUrl: withSearchPath(loadTestConfig().testDatabaseUrl!, schema), schema };
}

/** `n` inputs from `arb`, made a batch at a time so huge values never pile up in memory. */
function* inputs(arb: fc.Arbitrary<FuzzInput>, n: number, seed: number): Generator<FuzzInput> {
  for (let done = 0, batch = 0; done < n; batch++) {
    const values = fc.sample(arb, { numRuns: Math.min(25, n - done), seed: seed + batch * 7_919 });
    for (const v of values) yield v;
    done += values.length;
  }
}

async function rehash(watch: StateWatch, last: Map<string, string>, count: () => void) {
  if (!(await watch.moved())) return last;
  count();
  return watch.hash();
}

function shuffle<T>(items: T[], rng: Rng) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function tail(text: string): string {
  return text.slice(-1500);
}

/** The logged error's first line and its driver code, if any: enough to tell defects apart. */
function errorSummary(log: string): string {
  const first = log.split('\n').find((l) => l.trim() !== '' && !/^\s+at /.test(l)) ?? '(nothing logged)';
  const code = /\bcode: '([^']+)'/.exec(log)?.[1];
  return `${first.trim().slice(0, 300)}${code ? ` (code ${code})` : ''}`;
}
