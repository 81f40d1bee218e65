import { type Kysely, sql } from 'kysely';

// Stage history as rows of its own, so the review can count and time pipeline steps with
// plain SQL instead of reading JSON out of the timeline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stage_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_events_at').on('stage_events').columns(['workspace_id', 'at']).execute();
  await db.schema
    .createIndex('stage_events_partner')
    .on('stage_events')
    .columns(['workspace_id', 'partner_id', 'at'])
    .execute();

  // Earlier history lives only in the timeline; carry it over.
  // Result columns come back camelCased by the plugin.
  const rows = await sql<{
    id: string;
    workspaceId: string;
    partnerId: string;
    kind: string;
    data: string;
    at: string;
  }>`
    select id, workspace_id, partner_id, kind, data, at from activities
    where kind in ('partner.created', 'stage.changed')`.execute(db);
  for (const r of rows.rows) {
    const data = JSON.parse(r.data) as { stage?: string; to?: string };
    const stage = r.kind === 'partner.created' ? data.stage : data.to;
    if (!stage) continue;
    await sql`insert into stage_events (id, workspace_id, partner_id, stage, at)
      values (${r.id}, ${r.workspaceId}, ${r.partnerId}, ${stage}, ${r.at})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stage_events').execute();
}
