import fc from 'fast-check';
import { Rng } from '../../../bench/rng.js';
import type { Dialect } from '../../../src/store/db.js';
import { type FailureGroup, Failures } from '../failures.js';
import type { TortureSizes } from '../sizes.js';
import { checkAnswer, errorSummary, FeedWatch } from './checks.js';
import { harvestIds, kindOfRoute } from './harvest.js';
import { IdRef, kindOfPath } from './ids.js';
import { SentStrings } from './leaks.js';
import { type OpenApiDoc, type Operation, operationsOf } from './operations.js';
import { sendOversize } from './oversize.js';
import { type FuzzInput, inputArbitrary, toWire } from './requests.js';
import { changedTables } from './state.js';
import { openTarget, type Target } from './target.js';
import type { Answer } from './transport.js';

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
  /** Fresh databases the run used (see SEGMENT_ROUNDS). */
  databases: number;
  serverRestarts: number;
  seconds: number;
  failures: FailureGroup[];
  failureCount: number;
}

/** A JSON body well past anything the API accepts (the largest real one is tens of kilobytes). */
const OVERSIZE_BYTES = 20 * 1024 * 1024;

/**
 * Rounds on one database before a fresh one is seeded. Every round adds rows, and on a database
 * of a thousand rounds each list, export and checksum measures a busy workspace's size instead
 * of the input; a fresh seed also starts the records' flows over.
 */
const SEGMENT_ROUNDS = 250;

/**
 * The OpenAPI-driven fuzzer: every route gets `fuzzInputsPerRoute` generated requests, valid,
 * mutated and hostile, rounds interleaved across routes so reads see what writes stored. Half go
 * through the app in process, half over a socket to a spawned server on the same database. No
 * answer may be a 5xx or leak internals, and no table may change under a 4xx.
 */
export async function runFuzz(
  dialect: Dialect,
  sizes: TortureSizes,
  log: (s: string) => void = () => {},
): Promise<FuzzFigures> {
  const started = performance.now();
  const failures = new Failures();
  const statuses: Record<string, number> = {};
  const succeeded = new Set<string>();
  const sent = new SentStrings();
  const rng = new Rng(sizes.seed);
  const counts = { requests: 0, hashed: 0, restarts: 0, oversize: 0, databases: 0 };
  const half = Math.ceil(sizes.fuzzInputsPerRoute / 2);
  const rounds = half * 2;
  let ops: Operation[] = [];
  let streams: { op: Operation; local: Iterator<FuzzInput>; remote: Iterator<FuzzInput> }[] = [];
  let nextLog = performance.now() + 10_000;

  for (let from = 0; from < rounds; from += SEGMENT_ROUNDS) {
    const target = await openTarget(dialect);
    counts.databases += 1;
    try {
      if (ops.length === 0) {
        const doc = (await (await target.app.request('/api/openapi.json')).json()) as OpenApiDoc;
        ops = operationsOf(doc);
        streams = ops.map((op, i) => ({
          op,
          local: inputs(inputArbitrary(op, sizes.fuzzHugeChars, false), half, sizes.seed + i * 1_000_003),
          remote: inputs(inputArbitrary(op, sizes.fuzzHugeChars, true), half, sizes.seed + i * 1_000_003 + 17),
        }));
      }
      const session = new Session(target, failures, sent, statuses, succeeded, counts);
      await session.start();
      for (let round = from; round < Math.min(rounds, from + SEGMENT_ROUNDS); round++) {
        const order = streams.map((_, i) => i);
        shuffle(order, rng);
        for (const i of order) {
          const viaServer = (round + i) % 2 === 1;
          const next = (viaServer ? streams[i]!.remote : streams[i]!.local).next();
          if (!next.done) await session.send(streams[i]!.op, next.value, viaServer);
        }
        if (performance.now() > nextLog) {
          nextLog = performance.now() + 10_000;
          log(`  fuzz [${dialect}]: ${counts.requests} requests, ${failures.total} failures`);
        }
      }
      if (from + SEGMENT_ROUNDS >= rounds) {
        // Body limits: one oversize body per JSON route (the short pass tries the first few).
        const jsonOps = ops.filter((op) => op.body?.contentType === 'application/json');
        for (const op of sizes.fuzzInputsPerRoute >= 1_000 ? jsonOps : jsonOps.slice(0, 3)) await session.oversize(op);
      }
    } finally {
      await target.close();
    }
  }
  return {
    dialect,
    routes: ops.length,
    inputsPerRoute: sizes.fuzzInputsPerRoute,
    requests: counts.requests,
    statuses,
    hashed: counts.hashed,
    oversizeProbes: counts.oversize,
    neverOk: ops.map((op) => op.key).filter((k) => !succeeded.has(k)),
    databases: counts.databases,
    serverRestarts: counts.restarts,
    seconds: (performance.now() - started) / 1000,
    failures: failures.list(),
    failureCount: failures.total,
  };
}

/** One database's share of the run: sends requests and keeps the tables' last checksums. */
class Session {
  private last = new Map<string, string>();
  private readonly feeds: FeedWatch;

  constructor(
    private readonly t: Target,
    private readonly failures: Failures,
    private readonly sent: SentStrings,
    private readonly statuses: Record<string, number>,
    private readonly succeeded: Set<string>,
    private readonly counts: { requests: number; hashed: number; restarts: number; oversize: number },
  ) {
    this.feeds = new FeedWatch((p) => t.app.request(p));
  }

  async start() {
    this.last = await this.t.watch.hash();
  }

  /** Sends one request and checks everything the probe promises about its answer. */
  async send(op: Operation, input: FuzzInput, viaServer: boolean) {
    const { t } = this;
    const server = t.server;
    const wire = toWire(op, input, t.pool, new URL(server.url).host);
    this.sent.add([...wire.strings, wire.target]);
    this.counts.requests += 1;
    const mark = viaServer ? server.stderrMark() : t.appErrors.length;
    let answer: Answer;
    try {
      answer = await (viaServer ? t.remote : t.local)(wire);
    } catch (e) {
      // A server that crashed is seen gone a moment after its socket.
      if (viaServer && !server.exited()) await sleep(100);
      if (viaServer && Buffer.byteLength(wire.target) > 16_000 && !server.exited()) {
        // Node itself refuses a request head over 16 KB (431) and may reset the socket under it.
        this.count('431 by Node');
      } else if (viaServer && server.exited()) {
        this.failures.add({
          kind: 'server died',
          where: op.key,
          input: wire.summary(),
          detail: errorSummary(server.stderrSince(mark)),
        });
        this.counts.restarts += 1;
        await t.respawn();
      } else {
        this.failures.add({ kind: 'no answer', where: op.key, input: wire.summary(), detail: String(e) });
      }
      await this.checkState(op, undefined, wire.summary);
      return;
    }
    this.count(`${Math.floor(answer.status / 100)}xx`);
    if (answer.status < 300) this.succeeded.add(op.key);
    // What the server logged for this request: its stderr arrives a moment after the answer.
    const logged = async () => {
      if (!viaServer) return t.appErrors.slice(mark).join('\n');
      await sleep(30);
      return server.stderrSince(mark);
    };
    for (const f of await checkAnswer(op, input, wire, answer, this.sent, logged)) this.failures.add(f);
    await this.checkState(op, answer, wire.summary);
    if (answer.status < 300 && op.method !== 'GET') {
      for (const f of await this.feeds.afterWrite(op, wire)) this.failures.add(f);
    }
    if (answer.status < 300 && /json/.test(answer.contentType)) {
      const parsed = parseJson(answer.body.toString('utf8'));
      if (parsed !== undefined) harvestIds(parsed, kindOfRoute(op.path), t.pool);
    }
  }

  /** Sends one oversize body to the server: a body limit must answer 413 before reading it all. */
  async oversize(op: Operation) {
    const { t } = this;
    const id = t.pool.resolve(new IdRef(kindOfPath(op.path) ?? 'partner', 0));
    const path = `/api/v1${op.path.replace(/\{\w+\}/g, id)}`;
    const answer = await sendOversize(t.server.url, op.method, path, OVERSIZE_BYTES);
    this.counts.oversize += 1;
    this.counts.requests += 1;
    const summary = () => `${op.method} ${path} | body {"name":"aaaa…"} of ${OVERSIZE_BYTES} bytes`;
    if (answer.status !== 413) {
      this.failures.add({
        kind: 'body limit: no 413 for a 20 MB JSON body',
        where: op.key,
        ...(answer.status === undefined ? {} : { status: answer.status }),
        input: summary(),
        ...(answer.error ? { detail: answer.error } : {}),
      });
    }
    if (t.server.exited()) {
      this.failures.add({
        kind: 'server died',
        where: op.key,
        input: summary(),
        detail: errorSummary(t.server.stderr()),
      });
      this.counts.restarts += 1;
      await t.respawn();
    }
    const status = answer.status ?? 400;
    await this.checkState(op, { status, contentType: '', body: Buffer.alloc(0) }, summary);
  }

  /** After a 4xx no table may differ from before it; the checksums are taken only when something was committed. */
  private async checkState(op: Operation, answer: Answer | undefined, summary: () => string) {
    if (!(await this.t.watch.moved())) return;
    this.counts.hashed += 1;
    const now = await this.t.watch.hash();
    const changed = changedTables(this.last, now);
    if (answer && answer.status >= 400 && answer.status < 500 && changed.length > 0) {
      this.failures.add({
        kind: 'state changed after a 4xx',
        where: op.key,
        status: answer.status,
        input: summary(),
        detail: `tables changed: ${changed.join(', ')}; answer ${answer.body.toString('utf8').slice(0, 300)}`,
      });
    }
    this.last = now;
  }

  private count(what: string) {
    this.statuses[what] = (this.statuses[what] ?? 0) + 1;
  }
}

/** `n` inputs from `arb`, made a batch at a time so huge values never pile up in memory. */
function* inputs(arb: fc.Arbitrary<FuzzInput>, n: number, seed: number): Generator<FuzzInput> {
  for (let done = 0, batch = 0; done < n; batch++) {
    const values = fc.sample(arb, { numRuns: Math.min(25, n - done), seed: seed + batch * 7_919 });
    for (const v of values) yield v;
    done += values.length;
  }
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

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
