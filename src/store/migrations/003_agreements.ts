import type { Kysely } from 'kysely';

// Agreements, referrals both ways, and the fee lines derived from them. Fee terms are JSON
// text (never queried inside); everything the lists filter or sort on is a column with an index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('they_refer_to_us', 'text')
    .addColumn('we_refer_to_them', 'text')
    .addColumn('fee_to_them', 'text', (c) => c.notNull())
    .addColumn('fee_to_us', 'text', (c) => c.notNull())
    .addColumn('handoff_method', 'text')
    .addColumn('handoff_instructions', 'text')
    .addColumn('exclusivity', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('review_date', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('disputed_terms', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_partner')
    .on('agreements')
    .columns(['workspace_id', 'partner_id', 'status'])
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id').onDelete('cascade'))
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('contact', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('fit', 'text')
    .addColumn('monthly_value', 'bigint')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The log pages newest first; per partner for reciprocity and the bad-fit rule; by outcome.
  await db.schema.createIndex('referrals_date').on('referrals').columns(['workspace_id', 'date', 'id']).execute();
  await db.schema
    .createIndex('referrals_partner_date')
    .on('referrals')
    .columns(['workspace_id', 'partner_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('referrals_outcome_date')
    .on('referrals')
    .columns(['workspace_id', 'outcome', 'date', 'id'])
    .execute();

  await db.schema
    .createTable('fee_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fee_lines_referral_seq', ['referral_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('fee_lines_status_due')
    .on('fee_lines')
    .columns(['workspace_id', 'status', 'due_date', 'id'])
    .execute();
  await db.schema
    .createIndex('fee_lines_partner_due')
    .on('fee_lines')
    .columns(['workspace_id', 'partner_id', 'due_date', 'id'])
    .execute();
  await db.schema.createIndex('fee_lines_due').on('fee_lines').columns(['workspace_id', 'due_date', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['fee_lines', 'referrals', 'agreements']) await db.schema.dropTable(t).execute();
}
