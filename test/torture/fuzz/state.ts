import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Watches a database's contents from a connection of its own. `moved()` is a cheap test that
 * says whether anything may have been committed since it was last asked (false positives cost
 * a hash, nothing else); `hash()` is the exact per-table checksum, asked only when it moved.
 */
export interface StateWatch {
  moved(): Promise<boolean>;
  hash(): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/** SQLite: `PRAGMA data_version` changes whenever another connection commits. */
export function sqliteWatch(file: string): StateWatch {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const version = db.prepare('pragma data_version').pluck();
  let last = version.get();
  return {
    async moved() {
      const now = version.get();
      const moved = now !== last;
      last = now;
      return moved;
    },
    async hash() {
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        .pluck()
        .all() as string[];
      const out = new Map<string, string>();
      // One read transaction, so every table is hashed at the same instant.
      db.transaction(() => {
        for (const t of tables) {
          const h = createHash('sha1');
          for (const row of db.prepare(`select * from "${t}" order by rowid`).raw().iterate()) {
            h.update(JSON.stringify(row));
            h.update('\n');
          }
          out.set(t, h.digest('hex'));
        }
      })();
      return out;
    },
    async close() {
      db.close();
    },
  };
}

/**
 * PostgreSQL: the current snapshot changes whenever any transaction that wrote has ended
 * (anywhere in the cluster, so other tests' writes make false positives, which only cost time).
 */
export async function postgresWatch(url: string, schema: string): Promise<StateWatch> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const snapshot = async () => (await client.query('select pg_current_snapshot()::text as s')).rows[0].s as string;
  let last = await snapshot();
  let hashQuery: string | undefined;
  return {
    async moved() {
      const now = await snapshot();
      const moved = now !== last;
      last = now;
      return moved;
    },
    async hash() {
      if (!hashQuery) {
        const tables = await client.query(
          'select table_name as t from information_schema.tables where table_schema = $1 order by 1',
          [schema],
        );
        // Order-free (a sum of row hashes, with the count), so no sort: the tables grow all run.
        const parts = tables.rows.map(
          (r: { t: string }) =>
            `'${r.t}', (select count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) from "${r.t}" x)`,
        );
        hashQuery = `select json_build_object(${parts.join(', ')}) as h`;
      }
      const r = await client.query(hashQuery);
      return new Map(Object.entries(r.rows[0].h as Record<string, string>));
    },
    async close() {
      await client.end();
    },
  };
}

/** The tables whose checksum differs between two hashes. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((t) => before.get(t) !== after.get(t));
}
