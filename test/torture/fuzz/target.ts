import path from 'node:path';
import { sql } from 'kysely';
import { runtimeFor } from '../../../src/app/runtime.js';
import { loadTestConfig } from '../../../src/config.js';
import { createHttpApp } from '../../../src/http/app.js';
import type { Dialect, Store } from '../../../src/store/db.js';
import { openTestDb, TestClock, type TestDb } from '../../helpers/db.js';
import { seedWorkspace } from '../seed.js';
import { type ServerProcess, spawnServer, type Where, withSearchPath } from '../server.js';
import { type IdKind, IdPool } from './ids.js';
import { postgresWatch, type StateWatch, sqliteWatch } from './state.js';
import { inProcess, overHttp, type Send } from './transport.js';

/**
 * What the fuzzer works against: a fresh database with a seeded workspace, the app on it in
 * process (TestClock), a `partnerloop serve` process on the same database, and a watch on its
 * tables from a connection of its own.
 */
export interface Target {
  app: ReturnType<typeof createHttpApp>;
  local: Send;
  remote: Send;
  server: ServerProcess;
  watch: StateWatch;
  pool: IdPool;
  /** What the in-process app logged as unexpected errors, in order. */
  appErrors: string[];
  /** Starts a new server process on the same database (after one died). */
  respawn(): Promise<void>;
  close(): Promise<void>;
}

export async function openTarget(dialect: Dialect): Promise<Target> {
  const db = await openTestDb(dialect, { sqliteName: 'partnerloop.db' });
  try {
    const runtime = await runtimeFor(db.store, new TestClock().now);
    const pool = new IdPool();
    const seeded = await seedWorkspace(runtime.deps, runtime.ctx);
    for (const [kind, list] of Object.entries(seeded)) for (const id of list) pool.add(kind as IdKind, id);
    const appErrors: string[] = [];
    const app = createHttpApp({
      deps: runtime.deps,
      ctx: runtime.ctx,
      logError: (e) => appErrors.push(e instanceof Error ? (e.stack ?? e.message) : String(e)),
    });
    const where = await serverWhere(dialect, db.store);
    const watch =
      dialect === 'sqlite'
        ? sqliteWatch(db.store.file!)
        : await postgresWatch(loadTestConfig().testDatabaseUrl!, where.schema!);
    let server = await spawnServer(where);
    let remote = overHttp(server.url);
    const target: Target = {
      app,
      local: inProcess((r) => app.fetch(r)),
      remote: (req) => remote(req),
      server,
      watch,
      pool,
      appErrors,
      async respawn() {
        remote.close();
        await server.stop();
        server = await spawnServer(where);
        remote = overHttp(server.url);
        target.server = server;
      },
      async close() {
        remote.close();
        await server.stop();
        await watch.close();
        await db.cleanup();
      },
    };
    return target;
  } catch (e) {
    await cleanupQuietly(db);
    throw e;
  }
}

/** Where the spawned server finds the database the test opened: its folder, or its schema. */
async function serverWhere(dialect: Dialect, store: Store): Promise<Where & { schema?: string }> {
  if (dialect === 'sqlite') return { dataDir: path.dirname(store.file!) };
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
  return { databaseUrl: withSearchPath(loadTestConfig().testDatabaseUrl!, schema), schema };
}

async function cleanupQuietly(db: TestDb) {
  try {
    await db.cleanup();
  } catch {
    // The error that brought us here is the one worth reporting.
  }
}
