import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  type Migration,
  Migrator,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import type pg from 'pg';
import { groupCommit } from './group-commit.js';
import { migrations } from './migrations/index.js';
import { PostgresSchemaSafeDialect } from './postgres-dialect.js';
import { openReadWorker } from './read-worker.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  /**
   * Where a report sends a heavy read to run beside the others: on SQLite a read-only connection
   * on another thread (see read-worker.ts), on PostgreSQL the same pool, which already does.
   */
  reader: Kysely<DB>;
  /** Runs `fn` in a write transaction: all of it commits, or none of it. */
  transaction<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  dialect: Dialect;
  /** Where the SQLite file lives; null for PostgreSQL. */
  file: string | null;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; SQLite under `dataDir` when absent. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  schema?: string;
  /** SQLite file; overrides dataDir. ':memory:' is allowed. */
  sqliteFile?: string;
}

export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  const file = options.sqliteFile ?? path.join(options.dataDir ?? 'data', 'partnerloop.db');
  return openSqlite(file);
}

function openPostgres(url: string, schema: string | undefined): Store {
  // Required here, not imported at the top: a server on SQLite never loads the driver.
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  // PostgreSQL sends bigint and count(*) as strings; every amount here fits in 2^53, so the
  // store hands back plain numbers, as SQLite does.
  const pgTypes = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes as pg.CustomTypesConfig,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({
    dialect: new PostgresSchemaSafeDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    reader: db,
    // PostgreSQL commits concurrent transactions together on its own (its WAL flush is shared).
    transaction: (fn) => db.transaction().execute(fn),
    dialect: 'postgres',
    file: null,
    close: () => db.destroy(),
  };
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // Pages of 8 KB, not SQLite's 4 KB. This only takes effect before a new file's first write;
  // an existing file keeps its own. Index entries here are 60-140 bytes of text keys, so a
  // bigger page splits less often. Importing 100,000 referrals ran about 7% faster, and a
  // durable one-referral commit writes 5 pages, so it ran about 8% slower. 16 KB gave the import
  // 3% more and cost the commit another 4%.
  sqlite.pragma('page_size = 8192');
  sqlite.pragma('journal_mode = WAL');
  // Money lives here: every commit reaches the disk before it is acknowledged.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 16 MB of page cache instead of the default 2 MB: a month's review of a big workspace reads
  // ~10 MB of index pages, and with 2 MB each query evicted the last one's (about 10% slower).
  sqlite.pragma('cache_size = -16384');
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  // An in-memory database is this connection's alone.
  const reader = file === ':memory:' ? db : openReadWorker(file);
  return {
    db,
    reader,
    transaction: groupCommit(db),
    dialect: 'sqlite',
    file,
    close: async () => {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}

/**
 * Write transactions begin IMMEDIATE so two writers queue on the lock up front instead of
 * one failing with SQLITE_BUSY when it upgrades from reading to writing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * SQL text that starts with this marker is run once for each parameter list in its parameters
 * (SQLite only). One prepared single-row insert run 100,000 times is about a third faster than
 * multi-row VALUES, whose compiled program grows with every row; looping here keeps it to one
 * call through Kysely per batch rather than one awaited query per row.
 */
export const EACH_ROW = '/* each row */ ';

function eachRow(stmt: SQLite.Statement) {
  return {
    reader: false,
    run(lists: unknown[][]) {
      let changes = 0;
      for (const params of lists) changes += stmt.run(params).changes;
      return { changes, lastInsertRowid: undefined };
    },
  };
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, so the same
 * SQL text gets the same compiled statement (bounded, as query text repeats).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        const cached = (source: string) => {
          let stmt = cache.get(source);
          if (!stmt) {
            if (cache.size >= 500) cache.clear();
            stmt = prepare(source);
            cache.set(source, stmt);
          }
          return stmt;
        };
        return (source: string) => (source.startsWith(EACH_ROW) ? eachRow(cached(source)) : cached(source));
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function migrate(store: Store, set: Record<string, Migration> = migrations): Promise<string[]> {
  // Kysely looks for its lock table in every schema unless told which; with test schemas
  // migrating side by side, another schema's table would be taken for ours.
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => set },
    // Capabilities are developed side by side; a database may have met a later number first.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
