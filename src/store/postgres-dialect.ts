import { type DatabaseIntrospector, type Kysely, PostgresDialect } from 'kysely';

/** undefined schema, undefined table: what a catalog read meets when another session drops one. */
const VANISHED = new Set(['3F000', '42P01']);

/**
 * PostgreSQL as Kysely speaks it, except that reading the catalog survives schemas dropped
 * meanwhile. Kysely's introspector reads every table of every schema (the migrator asks it
 * whether its own tables exist) and resolves each table's sequence by its schema's name, so a
 * schema another session drops during that read fails it. Test runs do that side by side, as
 * would a hosted install tidying its schemas; the read is simply made again.
 */
export class PostgresSchemaSafeDialect extends PostgresDialect {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    const inner = super.createIntrospector(db);
    return {
      getSchemas: () => again(() => inner.getSchemas()),
      getTables: (options) => again(() => inner.getTables(options)),
      getMetadata: (options) => again(() => inner.getMetadata(options)),
    };
  }
}

async function again<T>(read: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (attempt >= attempts || !VANISHED.has(String((err as { code?: unknown }).code))) throw err;
    }
  }
}
