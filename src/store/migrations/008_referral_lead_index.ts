import type { Kysely } from 'kysely';

// A CSV import recognises a referral it wrote before by (partner, lead name, date); this index
// lets each batch find its candidates by lead name without reading the whole referral log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('referrals_lead_name').on('referrals').columns(['workspace_id', 'lead_name']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('referrals_lead_name').execute();
}
