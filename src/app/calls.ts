import type { EventAttributes } from 'ics';
import { parseInput } from '../contract/common.js';
import { normaliseLink } from '../contract/link.js';
import { CallBookSchema, CallDoneSchema, CallPatchSchema } from '../contract/outreach.js';
import { localDateTime, zonedInstant } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import type { Call } from '../domain/outreach.js';
import type { Partner } from '../domain/partner.js';
import type { Profile } from '../domain/profile.js';
import { deleteCall, getCall, insertCall, listCalls, updateCall } from '../store/calls.js';
import { getPartner } from '../store/partners.js';
import { writeCalendar } from './calendar.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';
import { moveInTransaction, record, showPartner } from './partners.js';
import { showProfile } from './profile.js';

/** Books a call; `at` is wall-clock time in the workspace time zone. */
export async function bookCall(deps: Deps, ctx: Ctx, partnerId: string, input: unknown): Promise<Call> {
  const req = parseInput(CallBookSchema, input);
  const partner = await showPartner(deps, ctx, partnerId);
  const profile = await showProfile(deps, ctx);
  const startsAt = zonedInstant(req.at, profile.timeZone);
  const now = nowIso(deps);
  const call: Call = {
    id: deps.newId(),
    partnerId: partner.id,
    startsAt,
    minutes: req.minutes,
    // A calendar link saved before links were checked is not copied into a new call.
    meetingLink: req.link ?? (profile.calendarLink === null ? null : normaliseLink(profile.calendarLink)),
    status: 'booked',
    agenda: req.agenda ?? null,
    notes: null,
    theirIdealClient: null,
    theirServices: null,
    fit: null,
    nextStep: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(deps, async (db) => {
    await insertCall(db, { ...call, workspaceId: ctx.workspaceId });
    // Rebooking a call that is already booked keeps the stage; any other stage must allow the move.
    if (partner.stage !== 'call_booked') await moveInTransaction(deps, db, ctx, partner.id, 'call_booked', null);
    await record(
      deps,
      db,
      ctx,
      partner.id,
      'call.booked',
      `Call booked for ${req.at.replace('T', ' ')} (${req.minutes} min)`,
      { callId: call.id, startsAt, minutes: call.minutes, meetingLink: call.meetingLink },
    );
    return call;
  });
}

/** Records what the call taught us (the guide's questions) and moves the partner to call_done. */
export async function completeCall(deps: Deps, ctx: Ctx, callId: string, input: unknown): Promise<Call> {
  const req = parseInput(CallDoneSchema, input);
  return inTransaction(deps, async (db) => {
    const call = await getCall(db, ctx.workspaceId, callId);
    if (!call) throw AppError.notFound('Call', callId);
    if (call.status === 'done') {
      throw new AppError('conflict', `This call was already completed on ${call.completedAt?.slice(0, 10)}`, {
        id: callId,
      });
    }
    const now = nowIso(deps);
    const patch = {
      status: 'done' as const,
      fit: req.fit,
      notes: req.notes ?? null,
      theirIdealClient: req.theirIdealClient ?? null,
      theirServices: req.theirServices ?? null,
      nextStep: req.nextStep ?? null,
      completedAt: now,
      updatedAt: now,
    };
    await updateCall(db, ctx.workspaceId, callId, patch);
    const partner = await getPartner(db, ctx.workspaceId, call.partnerId);
    if (!partner) throw AppError.notFound('Partner', call.partnerId);
    if (partner.stage !== 'call_done') await moveInTransaction(deps, db, ctx, call.partnerId, 'call_done', null);
    await record(
      deps,
      db,
      ctx,
      call.partnerId,
      'call.done',
      `Call done, fit: ${req.fit}${patch.nextStep ? `; next: ${patch.nextStep}` : ''}`,
      { callId, ...patch },
    );
    return { ...call, ...patch };
  });
}

/**
 * Moves a call or changes its link, length or agenda. Only the fields given are checked, so a
 * call holding a link from before links were checked can still be edited (or its link fixed).
 */
export async function editCall(deps: Deps, ctx: Ctx, callId: string, input: unknown): Promise<Call> {
  const req = parseInput(CallPatchSchema, input);
  const profile = await showProfile(deps, ctx);
  return inTransaction(deps, async (db) => {
    const call = await getCall(db, ctx.workspaceId, callId);
    if (!call) throw AppError.notFound('Call', callId);
    const patch: Partial<Call> = { updatedAt: nowIso(deps) };
    if (req.at !== undefined) patch.startsAt = zonedInstant(req.at, profile.timeZone);
    if (req.minutes !== undefined) patch.minutes = req.minutes;
    if (req.link !== undefined) patch.meetingLink = req.link;
    if (req.agenda !== undefined) patch.agenda = req.agenda;
    await updateCall(db, ctx.workspaceId, callId, patch);
    const updated = { ...call, ...patch };
    const when = localDateTime(updated.startsAt, profile.timeZone).replace('T', ' ');
    await record(deps, db, ctx, call.partnerId, 'call.updated', `Call updated: ${when} (${updated.minutes} min)`, {
      callId,
      changed: Object.keys(req),
    });
    return updated;
  });
}

/** Removes a call (booked by mistake, or cancelled); the partner's stage stays as it is. */
export async function removeCall(deps: Deps, ctx: Ctx, callId: string): Promise<Call> {
  const profile = await showProfile(deps, ctx);
  return inTransaction(deps, async (db) => {
    const call = await getCall(db, ctx.workspaceId, callId);
    if (!call) throw AppError.notFound('Call', callId);
    await deleteCall(db, ctx.workspaceId, callId);
    const when = localDateTime(call.startsAt, profile.timeZone).replace('T', ' ');
    await record(deps, db, ctx, call.partnerId, 'call.removed', `Call of ${when} removed`, {
      callId,
      startsAt: call.startsAt,
      status: call.status,
    });
    return call;
  });
}

export async function showCall(deps: Deps, ctx: Ctx, callId: string): Promise<Call> {
  const call = await getCall(deps.store.db, ctx.workspaceId, callId);
  if (!call) throw AppError.notFound('Call', callId);
  return call;
}

export async function partnerCalls(deps: Deps, ctx: Ctx, partnerId: string): Promise<{ items: Call[] }> {
  await showPartner(deps, ctx, partnerId);
  return { items: await listCalls(deps.store.db, ctx.workspaceId, { partnerId }) };
}

/** The calendar event of one call, shared by the single file and the feed. */
export function callEvent(call: Call, partner: Pick<Partner, 'name'>, profile: Profile): EventAttributes {
  const start = Date.parse(call.startsAt);
  return {
    uid: `call-${call.id}@partnerloop`,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: call.minutes },
    title: `Fit call: ${partner.name} × ${profile.name}`,
    description: [
      `Referral-partner fit call with ${partner.name}.`,
      call.agenda,
      call.meetingLink ? `Join: ${call.meetingLink}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    ...(call.meetingLink ? { url: call.meetingLink, location: call.meetingLink } : {}),
    status: 'CONFIRMED',
  };
}

/** One call as an .ics file. */
export async function callIcs(deps: Deps, ctx: Ctx, callId: string): Promise<{ filename: string; ics: string }> {
  const call = await showCall(deps, ctx, callId);
  const partner = await showPartner(deps, ctx, call.partnerId);
  const profile = await showProfile(deps, ctx);
  const file = writeCalendar([callEvent(call, partner, profile)], { productId: 'partnerloop/calls' });
  if (file.skipped > 0)
    throw new AppError('conflict', 'This call could not be written as a calendar file', { id: callId });
  const { ics } = file;
  const slug = partner.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    filename: `call-${slug || 'partner'}-${localDateTime(call.startsAt, profile.timeZone).slice(0, 10)}.ics`,
    ics,
  };
}
