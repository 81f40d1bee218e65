import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  CamelCasePlugin,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { DB } from './schema.js';

// A second, read-only SQLite connection on a thread of its own. better-sqlite3 runs each query
// on the calling thread, so a report's queries run one after another on one core even when the
// app starts them together; handing the heaviest to this connection lets the machine's second
// core take it. WAL lets the two connections read side by side while the main one writes.
//
// The worker's code is a string, so the bundle and the TypeScript tests run the same thing
// without a second build entry; it loads the driver from the path resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -16384');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= 200) statements.clear();
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    if (!stmt.reader) throw new Error('the read connection runs queries that return rows only');
    parentPort.postMessage({ id, rows: stmt.all(parameters) });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: e.message, code: e.code } });
  }
});
`;

/** A stopped worker frees its memory (a V8 heap and a page cache) once reports stop coming. */
const IDLE_MS = 30_000;

type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

class ReadWorker implements DatabaseConnection {
  #worker: Worker | null = null;
  #next = 0;
  #pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  #idle: NodeJS.Timeout | null = null;

  constructor(
    readonly file: string,
    readonly idleMs: number,
  ) {}

  #start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver } });
    // Never what keeps the process alive; a report still waiting keeps it alive through its promise.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.rows ?? []);
      if (this.#pending.size === 0) this.#idleTimer();
    });
    const fail = (e: Error) => {
      for (const w of this.#pending.values()) w.reject(e);
      this.#pending.clear();
      if (this.#worker === worker) this.#worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the read worker stopped (exit code ${code})`)));
    return worker;
  }

  #idleTimer() {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      if (this.#pending.size === 0) void this.stop();
    }, this.idleMs);
    this.#idle.unref();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#idle) clearTimeout(this.#idle);
    this.#worker ??= this.#start();
    const id = this.#next++;
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker?.postMessage({ id, sql: query.sql, parameters: query.parameters });
    });
    return { rows: rows as R[] };
  }

  // biome-ignore lint/correctness/useYield: reads here are whole results; nothing streams
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read connection does not stream');
  }

  async stop() {
    if (this.#idle) clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    // Its exit is expected now, and must not fail queries a new thread may already hold.
    worker.removeAllListeners();
    for (const w of this.#pending.values()) w.reject(new Error('the read connection was closed'));
    this.#pending.clear();
    await worker.terminate();
  }
}

class ReadWorkerDriver implements Driver {
  readonly connection: ReadWorker;
  constructor(file: string, idleMs: number) {
    this.connection = new ReadWorker(file, idleMs);
  }
  async init() {}
  // One connection serves every caller: the worker answers its queue in order.
  async acquireConnection() {
    return this.connection;
  }
  async releaseConnection() {}
  async beginTransaction(): Promise<void> {
    throw new Error('the read connection has no transactions');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async destroy() {
    await this.connection.stop();
  }
}

/**
 * Kysely over a read-only connection to `file` on its own thread, started at its first query
 * and stopped after `idleMs` without one.
 */
export function openReadWorker(file: string, idleMs = IDLE_MS): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ReadWorkerDriver(file, idleMs),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
  });
}
