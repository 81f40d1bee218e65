import { type Kysely, sql } from 'kysely';

// Index shapes that a bulk import can afford. A new entry is cheap where rows land next to
// each other (a date, then an id that grows) and dear where every row lands on a page of its
// own: an import of 100,000 referrals spent most of its time rewriting such pages.
//
// - The review's received-leads index keeps its columns, but puts the id right after the
//   date, so new referrals of a day append instead of scattering over (source, partner,
//   outcome); the review still reads a period as one covering range.
// - The outcome index goes: the log filtered by outcome walks the date index and keeps the
//   matching rows, a page of 50 in well under a millisecond on a million referrals.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_review_received').execute();
  await sql`create index referrals_review_received on referrals
    (workspace_id, date, id, source, partner_id, outcome) where direction = 'received'`.execute(db);
  await db.schema.dropIndex('referrals_outcome_date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('referrals_outcome_date')
    .on('referrals')
    .columns(['workspace_id', 'outcome', 'date', 'id'])
    .execute();
  await db.schema.dropIndex('referrals_review_received').execute();
  await sql`create index referrals_review_received on referrals
    (workspace_id, date, source, partner_id, outcome) where direction = 'received'`.execute(db);
}
