import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { Ctx, Deps } from '../../src/app/context.js';
import { newId } from '../../src/app/ids.js';
import { createWorkspace } from '../../src/app/profile.js';
import { ReadCache } from '../../src/app/read-cache.js';
import { loadTestConfig } from '../../src/config.js';
import { type Dialect, migrate, openStore, type Store } from '../../src/store/db.js';
import { TestClock } from './clock.js';

export { TestClock } from './clock.js';

const testConfig = loadTestConfig();

if (testConfig.ci && !testConfig.testDatabaseUrl) {
  throw new Error('CI=true needs TEST_DATABASE_URL: every integration test must also run on PostgreSQL');
}

/** The databases this run covers: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const dialects: Dialect[] = testConfig.testDatabaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  store: Store;
  cleanup(): Promise<void>;
}

/**
 * A throwaway database: a temp SQLite file, or a fresh PostgreSQL schema, migrated. `sqliteName`
 * names the file, e.g. partnerloop.db when a spawned server is to find it in the same folder.
 */
export async function openTestDb(
  dialect: Dialect,
  options: { migrate?: boolean; sqliteName?: string } = {},
): Promise<TestDb> {
  const migrateNow = options.migrate ?? true;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-test-'));
    const store = openStore({ sqliteFile: path.join(dir, options.sqliteName ?? 'test.db') });
    if (migrateNow) await migrate(store);
    return {
      store,
      cleanup: async () => {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = testConfig.testDatabaseUrl!;
  const schema = `t_${uuidv7().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const store = openStore({ databaseUrl: url, schema });
  if (migrateNow) await migrate(store);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** The deps a test hands the use cases: its store and clock, real ids, and the server's read cache. */
export function testDeps(store: Store, clock: TestClock = new TestClock()): Deps {
  return { store, clock: clock.now, newId, readCache: new ReadCache() };
}

export interface TestEnv {
  dialect: Dialect;
  store: Store;
  clock: TestClock;
  deps: Deps;
  /** A fresh workspace for each test, so tests never see each other's rows. */
  ctx: Ctx;
}

/**
 * Declares the same suite once per database. `env()` gives the current test's store, clock,
 * deps and a workspace of its own.
 */
export function describeEachDb(name: string, body: (env: () => TestEnv) => void) {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let db: TestDb;
      let current: TestEnv;
      beforeAll(async () => {
        db = await openTestDb(dialect);
      });
      afterAll(async () => {
        await db?.cleanup();
      });
      beforeEach(async () => {
        const clock = new TestClock();
        // The server's read cache is on, so every suite also checks that writes invalidate it.
        const deps = testDeps(db.store, clock);
        current = { dialect, store: db.store, clock, deps, ctx: await createWorkspace(deps) };
      });
      body(() => current);
    });
  }
}
