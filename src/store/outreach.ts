import type { Kysely } from 'kysely';
import type { Delivery, Message, MessageChannel, Reply, ReplyAnswer } from '../domain/outreach.js';
import type { DB, MessageTable, ReplyTable } from './schema.js';

const messageColumns = [
  'id',
  'partnerId',
  'templateId',
  'firstTouchId',
  'kind',
  'channel',
  'delivery',
  'recipient',
  'subject',
  'body',
  'messageId',
  'sentOn',
  'sentAt',
] as const;

function toMessage(r: Omit<MessageTable, 'workspaceId' | 'createdAt'>): Message {
  return { ...r, channel: r.channel as MessageChannel, delivery: r.delivery as Delivery };
}

export async function insertMessage(db: Kysely<DB>, row: MessageTable): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function listMessages(db: Kysely<DB>, workspaceId: string, partnerId: string): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .select(messageColumns)
    .where('workspaceId', '=', workspaceId)
    .where('partnerId', '=', partnerId)
    .orderBy('sentAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toMessage);
}

/** First touches and follow-ups of many partners at once, for the agenda. */
export async function outreachMessages(db: Kysely<DB>, workspaceId: string, partnerIds: string[]): Promise<Message[]> {
  if (partnerIds.length === 0) return [];
  const out: Message[] = [];
  // Chunked so the bound-parameter limits of both databases are never reached.
  for (let i = 0; i < partnerIds.length; i += 500) {
    const rows = await db
      .selectFrom('messages')
      .select(messageColumns)
      .where('workspaceId', '=', workspaceId)
      .where('partnerId', 'in', partnerIds.slice(i, i + 500))
      .where('kind', 'in', ['first_touch', 'follow_up'])
      .execute();
    out.push(...rows.map(toMessage));
  }
  return out;
}

export async function insertReply(db: Kysely<DB>, row: ReplyTable): Promise<void> {
  await db.insertInto('replies').values(row).execute();
}

const replyColumns = ['id', 'partnerId', 'firstTouchId', 'answer', 'repliedOn', 'note'] as const;

export async function repliesFor(db: Kysely<DB>, workspaceId: string, partnerIds: string[]): Promise<Reply[]> {
  if (partnerIds.length === 0) return [];
  const out: Reply[] = [];
  for (let i = 0; i < partnerIds.length; i += 500) {
    const rows = await db
      .selectFrom('replies')
      .select(replyColumns)
      .where('workspaceId', '=', workspaceId)
      .where('partnerId', 'in', partnerIds.slice(i, i + 500))
      .execute();
    out.push(...rows.map((r) => ({ ...r, answer: r.answer as ReplyAnswer })));
  }
  return out;
}

export interface PartnerRef {
  id: string;
  name: string;
  stage: string;
  nextAction: string | null;
  nextActionDate: string | null;
}

const refColumns = ['id', 'name', 'stage', 'nextAction', 'nextActionDate'] as const;

export async function activePartnersInStages(
  db: Kysely<DB>,
  workspaceId: string,
  stages: string[],
): Promise<PartnerRef[]> {
  return db
    .selectFrom('partners')
    .select(refColumns)
    .where('workspaceId', '=', workspaceId)
    .where('stage', 'in', stages)
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .execute();
}

/**
 * Partners whose stage just before the instant `until` was one of `stages`, read from the
 * stage history (their latest stage event before it), and who were not archived then. `stage`
 * is that earlier stage; a partner created after `until` has no event before it.
 */
export async function partnersInStagesBefore(
  db: Kysely<DB>,
  workspaceId: string,
  stages: string[],
  until: string,
): Promise<PartnerRef[]> {
  return db
    .selectFrom('stageEvents as e')
    .innerJoin('partners as p', (j) => j.onRef('p.id', '=', 'e.partnerId').onRef('p.workspaceId', '=', 'e.workspaceId'))
    .select(['p.id', 'p.name', 'e.stage', 'p.nextAction', 'p.nextActionDate'])
    .where('e.workspaceId', '=', workspaceId)
    .where('e.at', '<', until)
    .where('e.stage', 'in', stages)
    .where((eb) => eb.or([eb('p.archivedAt', 'is', null), eb('p.archivedAt', '>=', until)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('stageEvents as later')
            .select('later.id')
            .whereRef('later.workspaceId', '=', 'e.workspaceId')
            .whereRef('later.partnerId', '=', 'e.partnerId')
            .where('later.at', '<', until)
            // Two moves in the same millisecond are ordered by id (ids sort in creation order).
            .where((eb) =>
              eb.or([
                eb('later.at', '>', eb.ref('e.at')),
                eb.and([eb('later.at', '=', eb.ref('e.at')), eb('later.id', '>', eb.ref('e.id'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('p.name')
    .execute();
}

/** Partners with a next action due by `date`, the oldest first (the first `limit`), and how many in all. */
export async function partnersWithActionBy(
  db: Kysely<DB>,
  workspaceId: string,
  date: string,
  limit: number,
): Promise<{ items: PartnerRef[]; total: number }> {
  const due = db
    .selectFrom('partners')
    .where('workspaceId', '=', workspaceId)
    .where('nextActionDate', '<=', date)
    .where('archivedAt', 'is', null);
  const items = await due.select(refColumns).orderBy('nextActionDate').orderBy('name').limit(limit).execute();
  const total =
    items.length < limit
      ? items.length
      : Number((await due.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items, total };
}

export async function partnerRefs(db: Kysely<DB>, workspaceId: string, ids: string[]): Promise<PartnerRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('partners')
    .select(refColumns)
    .where('workspaceId', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** Every sent message of a workspace, newest first, a keyset page at a time. */
export async function messagesPage(
  db: Kysely<DB>,
  workspaceId: string,
  limit: number,
  after?: { sentAt: string; id: string },
): Promise<(Message & { partnerName: string; partnerStage: string })[]> {
  let q = db
    .selectFrom('messages')
    .innerJoin('partners', (j) =>
      j.onRef('partners.id', '=', 'messages.partnerId').onRef('partners.workspaceId', '=', 'messages.workspaceId'),
    )
    .select(messageColumns.map((c) => `messages.${c}` as const))
    .select(['partners.name as partnerName', 'partners.stage as partnerStage'])
    .where('messages.workspaceId', '=', workspaceId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('messages.sentAt', '<', after.sentAt),
        eb.and([eb('messages.sentAt', '=', after.sentAt), eb('messages.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('messages.sentAt', 'desc').orderBy('messages.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...toMessage(r), partnerName: r.partnerName, partnerStage: r.partnerStage }));
}
