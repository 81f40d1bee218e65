// Test runs (and a hosted install) create and drop PostgreSQL schemas side by side. Kysely reads
// every schema's tables when it migrates; a schema dropped during that read once failed another
// run's migration with "schema … does not exist".
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { expect, it } from 'vitest';
import { loadTestConfig } from '../../src/config.js';
import { migrate } from '../../src/store/db.js';
import { openTestDb } from '../helpers/db.js';

const url = loadTestConfig().testDatabaseUrl;

it.runIf(url)('migrates while other sessions drop their schemas', async () => {
  const db = await openTestDb('postgres', { migrate: false });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let round = 0; round < 8; round++) {
      const names = Array.from({ length: 6 }, () => `drop_${uuidv7().replace(/-/g, '')}`);
      for (const n of names) await admin.query(`create schema ${n}; create table ${n}.t (id serial primary key)`);
      // The catalog reads of a migration, raced against the drops.
      await Promise.all([
        ...names.map((n) => admin.query(`drop schema ${n} cascade`)),
        ...Array.from({ length: 4 }, () => db.store.db.introspection.getTables()),
      ]);
    }
    expect(await migrate(db.store)).toContain('001_foundation');
  } finally {
    await admin.end();
    await db.cleanup();
  }
});
