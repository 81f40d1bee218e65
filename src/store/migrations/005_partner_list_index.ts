import { type Kysely, sql } from 'kysely';

// The busiest list (open partners of a stage by next action) reads straight from one index in
// sort order: an expression index on the same coalesce the query sorts by, partial on the open
// partners. Both databases accept this statement as written.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('partners_stage_next_action').execute();
  await sql`create index partners_open_stage_next_action on partners
    (workspace_id, stage, (coalesce(next_action_date, '9999-12-31')), id) where archived_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('partners_open_stage_next_action').execute();
  await db.schema
    .createIndex('partners_stage_next_action')
    .on('partners')
    .columns(['workspace_id', 'stage', 'next_action_date', 'id'])
    .execute();
}
