import type { Kysely } from 'kysely';
import type { Template, TemplateChannel, TemplateKind } from '../domain/template.js';
import type { DB, TemplateTable } from './schema.js';

type Row = Omit<TemplateTable, 'workspaceId'>;

function toTemplate(r: Row): Template {
  return { ...r, kind: r.kind as TemplateKind, channel: r.channel as TemplateChannel, isDefault: r.isDefault === 1 };
}

const columns = ['id', 'name', 'kind', 'channel', 'subject', 'body', 'isDefault', 'createdAt', 'updatedAt'] as const;

export async function listTemplates(db: Kysely<DB>, workspaceId: string): Promise<Template[]> {
  const rows = await db
    .selectFrom('templates')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toTemplate);
}

export async function countTemplates(db: Kysely<DB>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('templates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** By id, or by name ignoring case. */
export async function findTemplate(db: Kysely<DB>, workspaceId: string, ref: string): Promise<Template | undefined> {
  const row = await db
    .selectFrom('templates')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('id', '=', ref), eb(eb.fn('lower', ['name']), '=', ref.trim().toLowerCase())]))
    .executeTakeFirst();
  return row && toTemplate(row);
}

export async function firstTemplateOfKind(
  db: Kysely<DB>,
  workspaceId: string,
  kind: string,
): Promise<Template | undefined> {
  const row = await db
    .selectFrom('templates')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('kind', '=', kind)
    .orderBy('isDefault', 'desc')
    .orderBy('createdAt')
    .executeTakeFirst();
  return row && toTemplate(row);
}

/** Inserts, skipping a name that already exists (so seeding twice is harmless). */
export async function insertTemplate(db: Kysely<DB>, row: TemplateTable): Promise<void> {
  await db
    .insertInto('templates')
    .values(row)
    .onConflict((oc) => oc.columns(['workspaceId', 'name']).doNothing())
    .execute();
}

export async function templateNameTaken(
  db: Kysely<DB>,
  workspaceId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let q = db.selectFrom('templates').select('id').where('workspaceId', '=', workspaceId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function updateTemplate(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<TemplateTable, 'id' | 'workspaceId'>>,
): Promise<void> {
  await db.updateTable('templates').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}
