import type { Kysely } from 'kysely';

// Templates, the sent-message log, replies and calls. A follow-up points at the first touch
// it follows; the unique index on that pointer makes a second follow-up impossible even
// under concurrent requests (NULLs, i.e. first touches, never collide).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('templates_name').on('templates').columns(['workspace_id', 'name']).unique().execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('template_id', 'text')
    .addColumn('first_touch_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_partner')
    .on('messages')
    .columns(['workspace_id', 'partner_id', 'sent_at', 'id'])
    .execute();
  await db.schema
    .createIndex('messages_one_follow_up')
    .on('messages')
    .columns(['workspace_id', 'first_touch_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('first_touch_id', 'text')
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('replies_partner')
    .on('replies')
    .columns(['workspace_id', 'partner_id', 'replied_on'])
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('meeting_link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text')
    .addColumn('notes', 'text')
    .addColumn('their_ideal_client', 'text')
    .addColumn('their_services', 'text')
    .addColumn('fit', 'text')
    .addColumn('next_step', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calls_starts').on('calls').columns(['workspace_id', 'starts_at', 'id']).execute();
  await db.schema.createIndex('calls_partner').on('calls').columns(['workspace_id', 'partner_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['calls', 'replies', 'messages', 'templates']) await db.schema.dropTable(t).execute();
}
