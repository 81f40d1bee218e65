import { type Kysely, sql } from 'kysely';

// Recurring partner revenue reads every partner-sourced client still active. PostgreSQL would
// not answer from the expression index alone (end_date itself was not in it) and fetched ~47,000
// table rows on the reference set (~110 ms); with end_date as a trailing key both databases read
// only the index (~8 ms on PostgreSQL).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_review_partner_active').execute();
  await sql`create index referrals_review_partner_active on referrals
    (workspace_id, (coalesce(end_date, '9999-12-31')), start_date, monthly_value, end_date)
    where direction = 'received' and outcome = 'won' and source = 'partner'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_review_partner_active').execute();
  await sql`create index referrals_review_partner_active on referrals
    (workspace_id, (coalesce(end_date, '9999-12-31')), start_date, monthly_value)
    where direction = 'received' and outcome = 'won' and source = 'partner'`.execute(db);
}
