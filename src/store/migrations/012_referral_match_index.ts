import { type Kysely, sql } from 'kysely';

// A re-imported row is found by its partner, date and lead name. That lookup had an index of
// its own on lead names; as they arrive in no order, it cost every new referral a write on a
// page of its own (about a quarter of the time of inserting 100,000 referrals). The lead name
// now trails the partner index, which grows by date and so takes new entries side by side, and
// answers the lookup from its own entries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_lead_name').execute();
  await db.schema.dropIndex('referrals_partner_date').execute();
  await sql`create index referrals_partner_date on referrals (workspace_id, partner_id, date, id, lead_name)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_partner_date').execute();
  await sql`create index referrals_partner_date on referrals (workspace_id, partner_id, date, id)`.execute(db);
  await db.schema.createIndex('referrals_lead_name').on('referrals').columns(['workspace_id', 'lead_name']).execute();
}
