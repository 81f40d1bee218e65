import type { Kysely } from 'kysely';
import {
  AgreementCreateSchema,
  AgreementDateSchema,
  AgreementListAllQuerySchema,
  AgreementPatchSchema,
  DisputeSchema,
  InForceQuerySchema,
  RefusalSchema,
} from '../contract/agreement.js';
import { parseInput } from '../contract/common.js';
import {
  type Agreement,
  type AgreementTerm,
  activationIssues,
  agreementInForce,
  agreementIssues,
} from '../domain/agreement.js';
import { AppError } from '../domain/errors.js';
import { allowedMoves, canMove, STAGE_LABELS } from '../domain/stage.js';
import {
  getAgreement,
  insertAgreement,
  listPartnerAgreements,
  listWorkspaceAgreements,
  saveAgreement,
} from '../store/agreements.js';
import { lockRow } from '../store/locks.js';
import { getPartner } from '../store/partners.js';
import type { DB } from '../store/schema.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { recomputePartnerFees, today } from './fees.js';
import { moveInTransaction, record } from './partners.js';

export async function addAgreement(deps: Deps, ctx: Ctx, partnerId: string, input: unknown): Promise<Agreement> {
  const data = parseInput(AgreementCreateSchema, input);
  const now = nowIso(deps);
  const agreement: Agreement = {
    id: deps.newId(),
    partnerId,
    status: 'proposed',
    form: data.form ?? 'informal',
    theyReferToUs: data.theyReferToUs ?? null,
    weReferToThem: data.weReferToThem ?? null,
    feeToThem: data.feeToThem ?? { kind: 'none' },
    feeToUs: data.feeToUs ?? { kind: 'none' },
    handoffMethod: data.handoffMethod ?? null,
    handoffInstructions: data.handoffInstructions ?? null,
    exclusivity: data.exclusivity ?? 'none',
    startDate: data.startDate ?? null,
    reviewDate: data.reviewDate ?? null,
    signedDate: data.signedDate ?? null,
    endDate: null,
    disputedTerms: [],
    notes: data.notes ?? null,
    createdAt: now,
    updatedAt: now,
  };
  refuse(agreementIssues(agreement));
  return inTransaction(deps, async (db) => {
    await mustGetPartner(db, ctx, partnerId);
    await insertAgreement(db, ctx.workspaceId, agreement);
    await record(deps, db, ctx, partnerId, 'agreement.proposed', `Proposed ${agreement.form} agreement`, {
      agreementId: agreement.id,
    });
    return agreement;
  });
}

export async function showAgreement(deps: Deps, ctx: Ctx, id: string): Promise<Agreement> {
  return mustGet(deps.store.db, ctx, id);
}

/** A partner's agreements, newest first, and the one in force on `on` (default today). */
export async function listAgreements(
  deps: Deps,
  ctx: Ctx,
  partnerId: string,
  input: unknown = {},
): Promise<{ items: Agreement[]; inForce: Agreement | null }> {
  const { on } = parseInput(InForceQuerySchema, input);
  await mustGetPartner(deps.store.db, ctx, partnerId);
  const items = await listPartnerAgreements(deps.store.db, ctx.workspaceId, partnerId);
  return { items, inForce: agreementInForce(items, on ?? (await today(deps, ctx))) ?? null };
}

/** Every agreement of the workspace with its partner's name, newest first; a workspace holds a few dozen. */
export async function listAllAgreements(
  deps: Deps,
  ctx: Ctx,
  input: unknown = {},
): Promise<{ items: (Agreement & { partnerName: string })[] }> {
  const { status } = parseInput(AgreementListAllQuerySchema, input);
  return { items: await listWorkspaceAgreements(deps.store.db, ctx.workspaceId, status) };
}

/** Edits the terms; an ended agreement is history and stays as it was. Fees follow the new terms. */
export async function editAgreement(deps: Deps, ctx: Ctx, id: string, input: unknown): Promise<Agreement> {
  const patch = parseInput(AgreementPatchSchema, input);
  return inTransaction(deps, async (db) => {
    const current = await mustGet(db, ctx, id);
    if (current.status === 'ended') {
      throw new AppError('conflict', 'This agreement has ended; propose a new one to change the terms', { id });
    }
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Agreement>;
    const changed = (Object.keys(set) as (keyof Agreement)[]).filter(
      (k) => JSON.stringify(current[k]) !== JSON.stringify(set[k]),
    );
    if (changed.length === 0) return current;
    const next: Agreement = { ...current, ...set, updatedAt: nowIso(deps) };
    refuse(current.status === 'active' ? activationIssues(next) : agreementIssues(next));
    await saveAgreement(db, ctx.workspaceId, next);
    await record(deps, db, ctx, next.partnerId, 'agreement.updated', `Edited agreement: ${changed.join(', ')}`, {
      agreementId: id,
      fields: changed,
    });
    if (next.status === 'active') await recomputePartnerFees(deps, db, ctx, next.partnerId);
    return next;
  });
}

/**
 * Puts a proposed agreement in force from `on` (default: its start date, else today). The
 * partner's previous active agreement ends that day, and the partner moves to `agreement`; a
 * partner whose stage cannot move there (say, not yet contacted) is refused with the reason.
 */
export async function activateAgreement(deps: Deps, ctx: Ctx, id: string, input: unknown = {}): Promise<Agreement> {
  const { on } = parseInput(AgreementDateSchema, input);
  return inTransaction(deps, async (db) => {
    // One active agreement per partner: concurrent activations for it queue here, then re-read.
    await lockRow(db, deps.store.dialect, 'partners', ctx.workspaceId, (await mustGet(db, ctx, id)).partnerId);
    const current = await mustGet(db, ctx, id);
    if (current.status !== 'proposed') {
      throw new AppError(
        'illegal_transition',
        `This agreement is already ${current.status}; only a proposed one can be activated`,
        {
          id,
          status: current.status,
        },
      );
    }
    const startDate = on ?? current.startDate ?? (await today(deps, ctx, db));
    const next: Agreement = { ...current, status: 'active', startDate, updatedAt: nowIso(deps) };
    refuse(activationIssues(next));
    const partner = await mustGetPartner(db, ctx, current.partnerId);
    if (partner.stage !== 'agreement' && !canMove(partner.stage, 'agreement')) {
      throw new AppError(
        'illegal_transition',
        `${partner.name} is at stage ${STAGE_LABELS[partner.stage]}, which cannot move to Agreement; an agreement is reached after the call (Call done), or resumed from Paused or Ended`,
        { from: partner.stage, to: 'agreement', allowed: [...allowedMoves(partner.stage)] },
      );
    }
    const previous = (await listPartnerAgreements(db, ctx.workspaceId, current.partnerId)).filter(
      (a) => a.status === 'active',
    );
    for (const p of previous) {
      if (p.startDate && p.startDate > startDate) {
        throw AppError.validation([
          { field: 'on', message: `must not be before the current agreement's start (${p.startDate})` },
        ]);
      }
      await saveAgreement(db, ctx.workspaceId, { ...p, status: 'ended', endDate: startDate, updatedAt: nowIso(deps) });
      await record(deps, db, ctx, p.partnerId, 'agreement.ended', `Agreement replaced from ${startDate}`, {
        agreementId: p.id,
        endDate: startDate,
        replacedBy: id,
      });
    }
    await saveAgreement(db, ctx.workspaceId, next);
    await record(deps, db, ctx, next.partnerId, 'agreement.activated', `Agreement in force from ${startDate}`, {
      agreementId: id,
      startDate,
    });
    if (partner.stage !== 'agreement') {
      await moveInTransaction(deps, db, ctx, partner.id, 'agreement', 'agreement activated');
    }
    await recomputePartnerFees(deps, db, ctx, next.partnerId);
    return next;
  });
}

/** Ends the active agreement from `on` (default today); the partner moves to `ended`. */
export async function endAgreement(deps: Deps, ctx: Ctx, id: string, input: unknown = {}): Promise<Agreement> {
  const { on } = parseInput(AgreementDateSchema, input);
  return inTransaction(deps, async (db) => {
    const current = await mustGet(db, ctx, id);
    if (current.status !== 'active') {
      throw new AppError('illegal_transition', `Only an active agreement can be ended; this one is ${current.status}`, {
        id,
        status: current.status,
      });
    }
    const endDate = on ?? (await today(deps, ctx, db));
    if (current.startDate && endDate < current.startDate) {
      refuse([{ field: 'on', message: `must not be before the agreement's start (${current.startDate})` }]);
    }
    const next: Agreement = { ...current, status: 'ended', endDate, updatedAt: nowIso(deps) };
    await saveAgreement(db, ctx.workspaceId, next);
    await record(deps, db, ctx, next.partnerId, 'agreement.ended', `Agreement ended from ${endDate}`, {
      agreementId: id,
      endDate,
    });
    const partner = await mustGetPartner(db, ctx, next.partnerId);
    if (partner.stage === 'agreement' || partner.stage === 'paused') {
      await moveInTransaction(deps, db, ctx, partner.id, 'ended', 'agreement ended');
    }
    await recomputePartnerFees(deps, db, ctx, next.partnerId);
    return next;
  });
}

/** The partner said no: it moves to `declined`, and any proposal still open is closed. */
export async function recordRefusal(
  deps: Deps,
  ctx: Ctx,
  partnerId: string,
  input: unknown = {},
): Promise<{ partnerId: string; stage: string; closedProposals: string[] }> {
  const { on, note } = parseInput(RefusalSchema, input);
  const date = on ?? (await today(deps, ctx));
  return inTransaction(deps, async (db) => {
    const moved = await moveInTransaction(deps, db, ctx, partnerId, 'declined', note ?? 'declined the agreement');
    const open = (await listPartnerAgreements(db, ctx.workspaceId, partnerId)).filter((a) => a.status === 'proposed');
    for (const a of open) {
      await saveAgreement(db, ctx.workspaceId, { ...a, status: 'ended', endDate: date, updatedAt: nowIso(deps) });
    }
    await record(
      deps,
      db,
      ctx,
      partnerId,
      'agreement.refused',
      `Declined the agreement on ${date}${note ? `: ${note}` : ''}`,
      {
        date,
        note: note ?? null,
        closedProposals: open.map((a) => a.id),
      },
    );
    return { partnerId, stage: moved.stage, closedProposals: open.map((a) => a.id) };
  });
}

export const SEND_ONE_PAGER =
  'A term is disputed: send the one-pager so both sides read the same terms, then settle the point on a short call.';

/** Marks a term disputed (or settled). While any term is disputed, the answer suggests sending the one-pager. */
export async function disputeTerm(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: unknown,
): Promise<{ agreement: Agreement; suggestion: string | null; onePager: { markdown: string; pdf: string } }> {
  const { term, disputed, note } = parseInput(DisputeSchema, input);
  const agreement = await inTransaction(deps, async (db) => {
    const current = await mustGet(db, ctx, id);
    const terms = new Set<AgreementTerm>(current.disputedTerms);
    if (disputed) terms.add(term);
    else terms.delete(term);
    const next: Agreement = { ...current, disputedTerms: [...terms], updatedAt: nowIso(deps) };
    await saveAgreement(db, ctx.workspaceId, next);
    await record(
      deps,
      db,
      ctx,
      next.partnerId,
      disputed ? 'agreement.disputed' : 'agreement.settled',
      `${disputed ? 'Disputed' : 'Settled'} term ${term}${note ? `: ${note}` : ''}`,
      { agreementId: id, term, note: note ?? null },
    );
    return next;
  });
  return {
    agreement,
    suggestion: agreement.disputedTerms.length > 0 ? SEND_ONE_PAGER : null,
    onePager: { markdown: `/api/v1/agreements/${id}/one-pager.md`, pdf: `/api/v1/agreements/${id}/one-pager.pdf` },
  };
}

function refuse(issues: { field: string; message: string }[]) {
  if (issues.length > 0) throw AppError.validation(issues);
}

async function mustGet(db: Kysely<DB>, ctx: Ctx, id: string): Promise<Agreement> {
  const a = await getAgreement(db, ctx.workspaceId, id);
  if (!a) throw AppError.notFound('Agreement', id);
  return a;
}

async function mustGetPartner(db: Kysely<DB>, ctx: Ctx, id: string) {
  const p = await getPartner(db, ctx.workspaceId, id);
  if (!p) throw AppError.notFound('Partner', id);
  return p;
}
