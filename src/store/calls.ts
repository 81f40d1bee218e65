import type { Kysely } from 'kysely';
import type { Call, CallStatus, Fit } from '../domain/outreach.js';
import type { CallTable, DB } from './schema.js';

const columns = [
  'id',
  'partnerId',
  'startsAt',
  'minutes',
  'meetingLink',
  'status',
  'agenda',
  'notes',
  'theirIdealClient',
  'theirServices',
  'fit',
  'nextStep',
  'completedAt',
  'createdAt',
  'updatedAt',
] as const;

function toCall(r: Omit<CallTable, 'workspaceId'>): Call {
  return { ...r, minutes: Number(r.minutes), status: r.status as CallStatus, fit: r.fit as Fit | null };
}

export async function insertCall(db: Kysely<DB>, row: CallTable): Promise<void> {
  await db.insertInto('calls').values(row).execute();
}

export async function getCall(db: Kysely<DB>, workspaceId: string, id: string): Promise<Call | undefined> {
  const row = await db
    .selectFrom('calls')
    .select(columns)
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCall(row);
}

export async function updateCall(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<CallTable, 'id' | 'workspaceId' | 'partnerId'>>,
): Promise<void> {
  await db.updateTable('calls').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function deleteCall(db: Kysely<DB>, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('calls').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export interface CallFilter {
  partnerId?: string;
  /** Instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  status?: CallStatus;
}

export async function listCalls(db: Kysely<DB>, workspaceId: string, filter: CallFilter = {}): Promise<Call[]> {
  let q = db.selectFrom('calls').select(columns).where('workspaceId', '=', workspaceId);
  if (filter.partnerId) q = q.where('partnerId', '=', filter.partnerId);
  if (filter.from) q = q.where('startsAt', '>=', filter.from);
  if (filter.to) q = q.where('startsAt', '<', filter.to);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('startsAt').orderBy('id').execute();
  return rows.map(toCall);
}
