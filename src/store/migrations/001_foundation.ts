import type { Kysely } from 'kysely';

// Migrations use the schema builder only, so one set serves SQLite and PostgreSQL. Dates and
// instants are ISO text on both, which keeps shapes identical and sorts correctly.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('positioning', 'text')
    .addColumn('ideal_client', 'text')
    .addColumn('services_offered', 'text')
    .addColumn('services_referred_out', 'text')
    .addColumn('sender_name', 'text')
    .addColumn('sender_email', 'text')
    .addColumn('calendar_link', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('monthly_revenue_target', 'bigint', (c) => c.notNull())
    .addColumn('monthly_platform_cost', 'bigint', (c) => c.notNull())
    .addColumn('review_cadence', 'text', (c) => c.notNull())
    .addColumn('partner_target', 'integer', (c) => c.notNull())
    .addColumn('follow_up_min_days', 'integer', (c) => c.notNull())
    .addColumn('follow_up_max_days', 'integer', (c) => c.notNull())
    .addColumn('no_response_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('email', 'text')
    .addColumn('linkedin_url', 'text')
    .addColumn('website', 'text')
    .addColumn('email_key', 'text')
    .addColumn('linkedin_key', 'text')
    .addColumn('website_key', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('audience', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('notes', 'text')
    .addColumn('next_action', 'text')
    .addColumn('next_action_date', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partners_stage_next_action')
    .on('partners')
    .columns(['workspace_id', 'stage', 'next_action_date', 'id'])
    .execute();
  await db.schema
    .createIndex('partners_updated')
    .on('partners')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('partners_name').on('partners').columns(['workspace_id', 'name', 'id']).execute();
  for (const key of ['email_key', 'linkedin_key', 'website_key']) {
    await db.schema.createIndex(`partners_${key}`).on('partners').columns(['workspace_id', key]).execute();
  }

  await db.schema
    .createTable('partner_tags')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_tags_pk', ['partner_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('partner_tags_tag')
    .on('partner_tags')
    .columns(['workspace_id', 'tag', 'partner_id'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_partner_at')
    .on('activities')
    .columns(['workspace_id', 'partner_id', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['activities', 'partner_tags', 'partners', 'workspaces']) {
    await db.schema.dropTable(t).execute();
  }
}
