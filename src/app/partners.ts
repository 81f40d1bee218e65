import type { Kysely } from 'kysely';
import { parseInput } from '../contract/common.js';
import {
  ActivityListQuerySchema,
  PartnerCreateSchema,
  type PartnerListQuery,
  PartnerListQuerySchema,
  PartnerPatchSchema,
  StageMoveSchema,
} from '../contract/partner.js';
import type { Activity } from '../domain/activity.js';
import { AppError } from '../domain/errors.js';
import { describeKind, duplicateKeys, normalizeSubtype, type Partner, subtypeError } from '../domain/partner.js';
import { assertMove, STAGE_LABELS, type Stage } from '../domain/stage.js';
import { insertActivity, insertStageEvent, listActivities } from '../store/activities.js';
import {
  findDuplicates,
  findPartnersByRef,
  getPartner,
  insertPartner,
  listPartners,
  sortValue,
  updatePartner,
} from '../store/partners.js';
import type { DB } from '../store/schema.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { cachedRead } from './read-cache.js';

export interface WriteOptions {
  /** Save even though another partner has the same e-mail, LinkedIn or website. */
  force?: boolean;
}

export async function createPartner(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  options: WriteOptions = {},
): Promise<Partner> {
  const data = parseInput(PartnerCreateSchema, input);
  const fields = {
    name: data.name,
    company: data.company ?? null,
    contactName: data.contactName ?? null,
    email: data.email ?? null,
    linkedinUrl: data.linkedinUrl ?? null,
    website: data.website ?? null,
    type: data.type,
    subtype: normalizeSubtype(data.type, data.subtype ?? null),
    audience: data.audience ?? null,
    owner: data.owner ?? null,
    notes: data.notes ?? null,
    nextAction: data.nextAction ?? null,
    nextActionDate: data.nextActionDate ?? null,
  };
  checkSubtype(fields.type, fields.subtype);
  const keys = duplicateKeys(fields);
  const id = deps.newId();
  const now = nowIso(deps);
  const stage = data.stage ?? 'identified';
  return inTransaction(deps, async (db) => {
    if (!options.force) await refuseDuplicates(db, ctx, keys);
    await insertPartner(
      db,
      { id, workspaceId: ctx.workspaceId, ...fields, ...keys, stage, archivedAt: null, createdAt: now, updatedAt: now },
      data.tags ?? [],
    );
    const kind = describeKind(fields.type, fields.subtype);
    const summary = `Added as ${article(kind)} ${kind} at stage ${STAGE_LABELS[stage]}`;
    await record(deps, db, ctx, id, 'partner.created', summary, { stage });
    await insertStageEvent(db, ctx.workspaceId, { id: deps.newId(), partnerId: id, stage, at: now });
    return mustGet(db, ctx, id);
  });
}

export async function showPartner(deps: Deps, ctx: Ctx, id: string): Promise<Partner> {
  return mustGet(deps.store.db, ctx, id);
}

/** Finds a partner by id, e-mail or exact name (case-insensitive), as a person would type it. */
export async function resolvePartner(deps: Deps, ctx: Ctx, ref: string): Promise<Partner> {
  const found = await findPartnersByRef(deps.store.db, ctx.workspaceId, ref);
  const exactId = found.find((p) => p.id === ref.trim());
  if (exactId) return exactId;
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0) throw AppError.notFound('Partner', `"${ref}"`);
  throw new AppError('conflict', `"${ref}" matches ${found.length} partners; use the id`, {
    candidates: found.map((p) => ({ id: p.id, name: p.name, email: p.email })),
  });
}

export async function editPartner(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: unknown,
  options: WriteOptions = {},
): Promise<Partner> {
  const patch = parseInput(PartnerPatchSchema, input);
  return inTransaction(deps, async (db) => {
    const current = await mustGet(db, ctx, id);
    const { tags, ...rest } = patch;
    const next = { ...current, ...stripUndefined(rest) };
    next.subtype = normalizeSubtype(next.type, next.subtype);
    if (rest.subtype !== undefined || rest.type !== undefined) rest.subtype = next.subtype;
    checkSubtype(next.type, next.subtype);
    const changed = (Object.keys(stripUndefined(rest)) as (keyof typeof rest)[]).filter((k) => current[k] !== next[k]);
    const tagsChanged = tags !== undefined && [...new Set(tags)].sort().join() !== current.tags.join();
    if (changed.length === 0 && !tagsChanged) return current;
    const keys = duplicateKeys(next);
    const identityChanged = changed.some((k) => k === 'email' || k === 'linkedinUrl' || k === 'website');
    if (identityChanged && !options.force) await refuseDuplicates(db, ctx, keys, id);
    await updatePartner(
      db,
      ctx.workspaceId,
      id,
      { ...stripUndefined(rest), ...keys, updatedAt: nowIso(deps) },
      tagsChanged ? tags : undefined,
    );
    const fields = tagsChanged ? [...changed, 'tags'] : changed;
    await record(deps, db, ctx, id, 'partner.updated', `Edited ${fields.join(', ')}`, { fields });
    return mustGet(db, ctx, id);
  });
}

export interface MoveOptions {
  /** When the move really happened, for moves logged after the fact. */
  at?: string;
}

export async function movePartner(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: unknown,
  options: MoveOptions = {},
): Promise<Partner> {
  const { to, note } = parseInput(StageMoveSchema, input);
  return inTransaction(deps, (db) => moveInTransaction(deps, db, ctx, id, to, note ?? null, options));
}

/** The move itself, for use cases that change the stage as part of a larger command. */
export async function moveInTransaction(
  deps: Deps,
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  to: Stage,
  note: string | null,
  options: MoveOptions = {},
): Promise<Partner> {
  const current = await mustGet(db, ctx, id);
  if (current.archivedAt) {
    throw new AppError('conflict', `${current.name} is archived; restore it before moving it`, { id });
  }
  assertMove(current.stage, to);
  await updatePartner(db, ctx.workspaceId, id, { stage: to, updatedAt: nowIso(deps) });
  const summary = `Moved from ${STAGE_LABELS[current.stage]} to ${STAGE_LABELS[to]}${note ? `: ${note}` : ''}`;
  const at = options.at ?? nowIso(deps);
  await record(deps, db, ctx, id, 'stage.changed', summary, { from: current.stage, to, note }, at);
  await insertStageEvent(db, ctx.workspaceId, { id: deps.newId(), partnerId: id, stage: to, at });
  return mustGet(db, ctx, id);
}

export async function archivePartner(deps: Deps, ctx: Ctx, id: string): Promise<Partner> {
  return setArchived(deps, ctx, id, true);
}

export async function restorePartner(deps: Deps, ctx: Ctx, id: string): Promise<Partner> {
  return setArchived(deps, ctx, id, false);
}

async function setArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean): Promise<Partner> {
  return inTransaction(deps, async (db) => {
    const current = await mustGet(db, ctx, id);
    if (Boolean(current.archivedAt) === archived) return current;
    const now = nowIso(deps);
    await updatePartner(db, ctx.workspaceId, id, { archivedAt: archived ? now : null, updatedAt: now });
    await record(
      deps,
      db,
      ctx,
      id,
      archived ? 'partner.archived' : 'partner.restored',
      archived ? 'Archived' : 'Restored from the archive',
      {},
    );
    return mustGet(db, ctx, id);
  });
}

export interface PartnerPage {
  items: Partner[];
  nextCursor: string | null;
  total: number;
}

export async function listPartnerPage(deps: Deps, ctx: Ctx, input: unknown): Promise<PartnerPage> {
  const query = parseInput(PartnerListQuerySchema, input);
  // The busiest read of the app (every Partners screen, every board refresh) answers from the
  // read cache until something is written. Later pages (an export walking the whole list, say)
  // are read once, so they are not kept.
  if (query.cursor) return partnerPage(deps, ctx, query);
  return cachedRead(deps, ctx, `partners:${JSON.stringify(query)}`, () => partnerPage(deps, ctx, query));
}

async function partnerPage(deps: Deps, ctx: Ctx, query: PartnerListQuery): Promise<PartnerPage> {
  const dir = query.dir ?? (query.sort === 'updated' ? 'desc' : 'asc');
  const { items, total, hasMore } = await listPartners(deps.store.db, ctx.workspaceId, {
    filter: {
      types: query.type,
      subtype: query.subtype,
      stages: query.stage,
      tag: query.tag,
      q: query.q,
      archived: query.archived,
    },
    sort: query.sort,
    dir,
    limit: query.limit,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const last = items.at(-1);
  return {
    items,
    total,
    nextCursor: hasMore && last ? encodeCursor(sortValue(last, query.sort), last.id) : null,
  };
}

export async function partnerTimeline(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: unknown = {},
): Promise<{ items: Activity[]; nextCursor: string | null }> {
  const query = parseInput(ActivityListQuerySchema, input);
  await mustGet(deps.store.db, ctx, id);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listActivities(
    deps.store.db,
    ctx.workspaceId,
    id,
    query.limit + 1,
    after ? { at: String(after.value), id: after.id } : undefined,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
}

/** Writes one timeline entry; every capability records through here. */
export async function record(
  deps: Deps,
  db: Kysely<DB>,
  ctx: Ctx,
  partnerId: string,
  kind: string,
  summary: string,
  data: Record<string, unknown>,
  at?: string,
): Promise<void> {
  await insertActivity(db, ctx.workspaceId, {
    id: deps.newId(),
    partnerId,
    kind,
    summary,
    data,
    at: at ?? nowIso(deps),
  });
}

async function mustGet(db: Kysely<DB>, ctx: Ctx, id: string): Promise<Partner> {
  const partner = await getPartner(db, ctx.workspaceId, id);
  if (!partner) throw AppError.notFound('Partner', id);
  return partner;
}

async function refuseDuplicates(
  db: Kysely<DB>,
  ctx: Ctx,
  keys: ReturnType<typeof duplicateKeys>,
  excludeId?: string,
): Promise<void> {
  const dupes = await findDuplicates(db, ctx.workspaceId, keys, excludeId);
  const first = dupes[0];
  if (first) {
    throw new AppError(
      'duplicate',
      `${first.name} (${first.id}) already has this ${first.field === 'linkedinUrl' ? 'LinkedIn URL' : first.field}; save anyway with force`,
      { existingId: first.id, field: first.field, matches: dupes },
    );
  }
}

function checkSubtype(type: Partner['type'], subtype: string | null) {
  const problem = subtypeError(type, subtype);
  if (problem) throw AppError.validation([{ field: 'subtype', message: problem }]);
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
