import type { Kysely } from 'kysely';
import { parseInput } from '../contract/common.js';
import {
  ReferralCreateSchema,
  ReferralEndSchema,
  ReferralFitSchema,
  ReferralListQuerySchema,
  ReferralLostSchema,
  ReferralPatchSchema,
  ReferralWonSchema,
} from '../contract/referral.js';
import { AppError } from '../domain/errors.js';
import { BAD_FIT_THRESHOLD, BAD_FIT_WINDOW, type BadFitFlag, badFitFlag } from '../domain/escalation.js';
import type { FeeLine } from '../domain/fees.js';
import { type Reciprocity, reciprocity } from '../domain/reciprocity.js';
import { type Referral, referralIssues } from '../domain/referral.js';
import { referralFeeLines } from '../store/fees.js';
import { lockRow } from '../store/locks.js';
import { getPartner } from '../store/partners.js';
import {
  badFitPartners,
  getReferral,
  insertReferral,
  latestJudged,
  listReferrals,
  partnerReferrals,
  saveReferral,
  setBadFit,
} from '../store/referrals.js';
import type { DB } from '../store/schema.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { major, recomputeReferralFees, today } from './fees.js';
import { record } from './partners.js';

export async function addReferral(deps: Deps, ctx: Ctx, input: unknown): Promise<Referral> {
  const data = parseInput(ReferralCreateSchema, input);
  const now = nowIso(deps);
  const referral: Referral = {
    id: deps.newId(),
    direction: data.direction,
    source: data.source ?? (data.partnerId || data.direction === 'given' ? 'partner' : 'other'),
    partnerId: data.partnerId ?? null,
    leadName: data.leadName,
    company: data.company ?? null,
    contact: data.contact ?? null,
    date: data.date ?? (await today(deps, ctx)),
    notes: data.notes ?? null,
    outcome: 'pending',
    lostReason: null,
    fit: data.fit ?? null,
    monthlyValue: null,
    startDate: null,
    endDate: null,
    createdAt: now,
    updatedAt: now,
  };
  refuse(referralIssues(referral));
  return inTransaction(deps, async (db) => {
    if (referral.partnerId) {
      const partner = await getPartner(db, ctx.workspaceId, referral.partnerId);
      if (!partner) throw AppError.validation([{ field: 'partnerId', message: `no partner ${referral.partnerId}` }]);
    }
    await insertReferral(db, ctx.workspaceId, referral);
    if (referral.fit) await refreshBadFit(db, ctx, [referral.partnerId]);
    const what =
      referral.direction === 'received' ? `Referred us ${referral.leadName}` : `We referred ${referral.leadName}`;
    await note(
      deps,
      db,
      ctx,
      referral,
      `referral.${referral.direction}`,
      `${what}${referral.company ? ` (${referral.company})` : ''}`,
    );
    return referral;
  });
}

export type ReferralDetail = Referral & { feeLines: FeeLine[] };

export async function showReferral(deps: Deps, ctx: Ctx, id: string): Promise<ReferralDetail> {
  const referral = await mustGet(deps.store.db, ctx, id);
  return { ...referral, feeLines: await referralFeeLines(deps.store.db, ctx.workspaceId, id) };
}

export async function listReferralPage(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
): Promise<{ items: Referral[]; nextCursor: string | null }> {
  const q = parseInput(ReferralListQuerySchema, input);
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listReferrals(
    deps.store.db,
    ctx.workspaceId,
    q,
    q.limit + 1,
    after ? { date: String(after.value), id: after.id } : undefined,
  );
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.date, last.id) : null };
}

export async function editReferral(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<ReferralDetail> {
  const patch = parseInput(ReferralPatchSchema, input);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Referral>;
  return change(deps, ctx, id, (current) => {
    const fields = (Object.keys(set) as (keyof Referral)[]).filter((k) => current[k] !== set[k]);
    if (fields.length === 0) return null;
    if ((set.monthlyValue !== undefined || set.startDate !== undefined) && current.outcome !== 'won') {
      refuse([
        {
          field: set.monthlyValue !== undefined ? 'monthlyValue' : 'startDate',
          message: 'only a won referral has these; mark it won',
        },
      ]);
    }
    return {
      next: { ...current, ...set },
      kind: 'referral.updated',
      summary: `Edited referral ${current.leadName}: ${fields.join(', ')}`,
    };
  });
}

export async function markWon(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<ReferralDetail> {
  const { monthlyValue, startDate } = parseInput(ReferralWonSchema, input);
  return change(deps, ctx, id, (current) => {
    mustBePending(current, 'won');
    return {
      next: { ...current, outcome: 'won', monthlyValue, startDate, lostReason: null },
      kind: 'referral.won',
      summary: `Won ${current.leadName}: ${major(monthlyValue)} a month from ${startDate}`,
    };
  });
}

/** Lost; a bad-fit loss also counts as a bad-fit judgement unless the fit was already judged. */
export async function markLost(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<ReferralDetail> {
  const { reason, note: why } = parseInput(ReferralLostSchema, input);
  return change(deps, ctx, id, (current) => {
    mustBePending(current, 'lost');
    return {
      next: {
        ...current,
        outcome: 'lost',
        lostReason: reason,
        fit: reason === 'bad_fit' ? (current.fit ?? 'bad') : current.fit,
      },
      kind: 'referral.lost',
      summary: `Lost ${current.leadName} (${reason.replace('_', ' ')})${why ? `: ${why}` : ''}`,
    };
  });
}

/** The won client stopped on `on`: fee months that begin after it are dropped (unpaid ones only). */
export async function endClient(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<ReferralDetail> {
  const { on } = parseInput(ReferralEndSchema, input);
  return change(deps, ctx, id, (current) => {
    if (current.outcome !== 'won') {
      throw new AppError(
        'illegal_transition',
        `Only a won client can be ended; ${current.leadName} is ${current.outcome}`,
        {
          outcome: current.outcome,
        },
      );
    }
    return {
      next: { ...current, endDate: on },
      kind: 'referral.ended',
      summary: `Client ${current.leadName} ended on ${on}`,
    };
  });
}

/** Back to pending: the outcome's facts are cleared and its unpaid fee lines withdrawn. */
export async function reopenReferral(deps: Deps, ctx: Ctx, id: string): Promise<ReferralDetail> {
  return change(deps, ctx, id, (current) => {
    if (current.outcome === 'pending') {
      throw new AppError('illegal_transition', `${current.leadName} is already pending`, { outcome: current.outcome });
    }
    return {
      next: { ...current, outcome: 'pending', lostReason: null, monthlyValue: null, startDate: null, endDate: null },
      kind: 'referral.reopened',
      summary: `Reopened referral ${current.leadName} (was ${current.outcome})`,
    };
  });
}

export async function judgeFit(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<ReferralDetail> {
  const { fit } = parseInput(ReferralFitSchema, input);
  return change(deps, ctx, id, (current) =>
    current.fit === fit
      ? null
      : {
          next: { ...current, fit },
          kind: 'referral.fit',
          summary: fit ? `Judged ${current.leadName} a ${fit} fit` : `Cleared the fit judgement of ${current.leadName}`,
        },
  );
}

export async function partnerReciprocity(
  deps: Deps,
  ctx: Ctx,
  partnerId: string,
): Promise<Reciprocity & { partnerId: string }> {
  await mustGetPartner(deps.store.db, ctx, partnerId);
  return { partnerId, ...reciprocity(await partnerReferrals(deps.store.db, ctx.workspaceId, partnerId)) };
}

export interface PartnerFlags {
  partnerId: string;
  badFit: BadFitFlag;
  actions: { kind: string; title: string; templateKind: string | null }[];
}

/**
 * Quality flags for a partner. The bad-fit rule uses the brief's default (2 of the last 3
 * judged received referrals); it is a constant until the profile carries a setting for it.
 */
export async function partnerFlags(deps: Deps, ctx: Ctx, partnerId: string): Promise<PartnerFlags> {
  await mustGetPartner(deps.store.db, ctx, partnerId);
  const badFit = badFitFlag(await partnerReferrals(deps.store.db, ctx.workspaceId, partnerId), {
    threshold: BAD_FIT_THRESHOLD,
    window: BAD_FIT_WINDOW,
  });
  return { partnerId, badFit, actions: flagActions(badFit) };
}

function flagActions(badFit: BadFitFlag): PartnerFlags['actions'] {
  return badFit.flagged
    ? [
        {
          kind: 'clarify_criteria',
          title: 'Clarify ideal client and referral criteria',
          templateKind: 'bad_fit_clarification',
        },
      ]
    : [];
}

/** The partners the bad-fit rule flags now (all, or the first `limit` by name), with the action for Today. */
export async function flaggedPartners(
  deps: Deps,
  ctx: Ctx,
  limit?: number,
): Promise<{ items: (PartnerFlags & { partnerName: string })[] }> {
  const partners = await badFitPartners(deps.store.db, ctx.workspaceId, limit);
  const judged = await latestJudged(
    deps.store.db,
    ctx.workspaceId,
    partners.map((p) => p.id),
    BAD_FIT_WINDOW,
  );
  const items = partners.map((p) => {
    const badFit = badFitFlag(judged.get(p.id) ?? [], { threshold: BAD_FIT_THRESHOLD, window: BAD_FIT_WINDOW });
    return { partnerId: p.id, partnerName: p.name, badFit, actions: flagActions(badFit) };
  });
  return { items };
}

/** Re-judges the partners' latest referrals and keeps the flag on their rows in step. */
export async function refreshBadFit(db: Kysely<DB>, ctx: Ctx, partnerIds: (string | null)[]): Promise<void> {
  const ids = [...new Set(partnerIds.filter((id): id is string => id !== null))];
  const judged = await latestJudged(db, ctx.workspaceId, ids, BAD_FIT_WINDOW);
  for (const id of ids) {
    const flag = badFitFlag(judged.get(id) ?? [], { threshold: BAD_FIT_THRESHOLD, window: BAD_FIT_WINDOW });
    await setBadFit(db, ctx.workspaceId, id, flag.flagged);
  }
}

type Change = { next: Referral; kind: string; summary: string } | null;

/** One referral change: validated, saved, fees re-derived and the timeline written, all or nothing. */
async function change(deps: Deps, ctx: Ctx, id: string, fn: (current: Referral) => Change): Promise<ReferralDetail> {
  return inTransaction(deps, async (db) => {
    await lockRow(db, deps.store.dialect, 'referrals', ctx.workspaceId, id);
    const current = await mustGet(db, ctx, id);
    const result = fn(current);
    if (result) {
      const next = { ...result.next, updatedAt: nowIso(deps) };
      refuse(referralIssues(next));
      await saveReferral(db, ctx.workspaceId, next);
      await recomputeReferralFees(deps, db, ctx, next);
      await refreshBadFit(db, ctx, [current.partnerId, next.partnerId]);
      await note(deps, db, ctx, next, result.kind, result.summary);
    }
    const saved = await mustGet(db, ctx, id);
    return { ...saved, feeLines: await referralFeeLines(db, ctx.workspaceId, id) };
  });
}

async function note(deps: Deps, db: Kysely<DB>, ctx: Ctx, r: Referral, kind: string, summary: string) {
  if (r.partnerId) await record(deps, db, ctx, r.partnerId, kind, summary, { referralId: r.id, outcome: r.outcome });
}

function mustBePending(r: Referral, to: string) {
  if (r.outcome !== 'pending') {
    throw new AppError(
      'illegal_transition',
      `${r.leadName} is already ${r.outcome}; reopen it before marking it ${to}`,
      { outcome: r.outcome, to },
    );
  }
}

function refuse(issues: { field: string; message: string }[]) {
  if (issues.length > 0) throw AppError.validation(issues);
}

async function mustGet(db: Kysely<DB>, ctx: Ctx, id: string): Promise<Referral> {
  const r = await getReferral(db, ctx.workspaceId, id);
  if (!r) throw AppError.notFound('Referral', id);
  return r;
}

async function mustGetPartner(db: Kysely<DB>, ctx: Ctx, id: string) {
  const p = await getPartner(db, ctx.workspaceId, id);
  if (!p) throw AppError.notFound('Partner', id);
  return p;
}
