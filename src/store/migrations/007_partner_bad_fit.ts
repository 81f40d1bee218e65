import { type Kysely, sql } from 'kysely';

// Whether a partner's recent referrals trip the bad-fit rule, kept on the partner row and
// refreshed whenever one of its referrals changes, so Today and the review read the flagged
// partners from an index instead of re-judging every partner's history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partners')
    .addColumn('bad_fit', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index partners_bad_fit on partners (workspace_id) where bad_fit = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('partners_bad_fit').execute();
  await db.schema.alterTable('partners').dropColumn('bad_fit').execute();
}
