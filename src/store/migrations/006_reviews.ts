import { type Kysely, sql } from 'kysely';

// Saved reviews, and indexes shaped for the review's figures so a month of a million-referral
// workspace is read from index ranges, not the whole table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('decisions', 'text')
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_at').on('reviews').columns(['workspace_id', 'reviewed_at']).execute();

  // Received leads of a period, grouped by source and outcome, from the index alone.
  await sql`create index referrals_review_received on referrals
    (workspace_id, date, source, partner_id, outcome) where direction = 'received'`.execute(db);
  // Clients won, by the month they started.
  await sql`create index referrals_review_won_start on referrals
    (workspace_id, start_date, source, partner_id, monthly_value) where direction = 'received' and outcome = 'won'`.execute(
    db,
  );
  // Partner-sourced clients still active on a date: few have no end or a later one.
  await sql`create index referrals_review_partner_active on referrals
    (workspace_id, (coalesce(end_date, '9999-12-31')), start_date, monthly_value)
    where direction = 'received' and outcome = 'won' and source = 'partner'`.execute(db);
  await sql`create index fee_lines_review_due on fee_lines (workspace_id, due_date, direction, status, amount)`.execute(
    db,
  );
  await sql`create index fee_lines_review_paid on fee_lines (workspace_id, paid_on, direction, amount)
    where status = 'paid'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of [
    'referrals_review_received',
    'referrals_review_won_start',
    'referrals_review_partner_active',
    'fee_lines_review_due',
    'fee_lines_review_paid',
  ]) {
    await db.schema.dropIndex(i).execute();
  }
  await db.schema.dropTable('reviews').execute();
}
