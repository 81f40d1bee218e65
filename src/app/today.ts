import type { EventAttributes } from 'ics';
import { parseInput } from '../contract/common.js';
import { AsOfQuerySchema } from '../contract/outreach.js';
import { addDays, localDate, localDateTime, zonedInstant } from '../domain/dates.js';
import { type FollowUpState, followUpStatus } from '../domain/followup.js';
import type { Call } from '../domain/outreach.js';
import type { Stage } from '../domain/stage.js';
import { listCalls } from '../store/calls.js';
import {
  activePartnersInStages,
  outreachMessages,
  partnerRefs,
  partnersInStagesBefore,
  partnersWithActionBy,
  repliesFor,
} from '../store/outreach.js';
import { countBadFitPartners } from '../store/referrals.js';
import { writeCalendar } from './calendar.js';
import { callEvent } from './calls.js';
import type { Ctx, Deps } from './context.js';
import { type FeeLineView, listFees } from './fees.js';
import { cycleFacts } from './outreach.js';
import { showProfile } from './profile.js';
import { flaggedPartners } from './referrals.js';
import { reviewReminder } from './review.js';

interface PartnerRef {
  id: string;
  name: string;
  stage: Stage;
}

export interface FollowUpItem {
  partner: PartnerRef;
  state: FollowUpState;
  firstTouchOn: string | null;
  followUpOn: string | null;
  dueOn: string | null;
  overdueOn: string | null;
  noResponseOn: string | null;
  daysSinceFirstTouch: number | null;
}

export interface CallItem extends Call {
  partner: PartnerRef;
  localStart: string;
}

export interface Today {
  asOf: string;
  timeZone: string;
  followUpsDue: FollowUpItem[];
  followUpsOverdue: FollowUpItem[];
  proposedNoResponse: FollowUpItem[];
  callsToday: CallItem[];
  callsThisWeek: CallItem[];
  nextActions: (PartnerRef & { nextAction: string | null; nextActionDate: string })[];
  nextActionsTotal: number;
  feesDue: FeeLineView[];
  flags: Awaited<ReturnType<typeof flaggedPartners>>['items'];
  flagsTotal: number;
  review: Awaited<ReturnType<typeof reviewReminder>>;
}

/**
 * The longest list Today shows of next actions, fees due and flags; the totals say how many
 * more there are. A big workspace had thousands of due next actions in one 700 KB answer.
 */
export const TODAY_LIST_LIMIT = 50;

/** The stages in which the follow-up rule is still running. */
const WAITING: Stage[] = ['contacted', 'followed_up'];

async function asOfDay(deps: Deps, ctx: Ctx, input: unknown) {
  const { asOf } = parseInput(AsOfQuerySchema, input);
  const profile = await showProfile(deps, ctx);
  return { profile, asOf: asOf ?? localDate(deps.clock(), profile.timeZone) };
}

/**
 * The partners the follow-up rule was watching on `asOf`. For a past day the stage comes from
 * the stage history: a partner who has replied, been booked or gone silent since was still
 * waiting then. From today on, the current stage says the same (every stage change writes a
 * stage event), and is one indexed read instead of a pass over the history.
 */
async function waitingPartners(deps: Deps, ctx: Ctx, asOf: string, timeZone: string) {
  const db = deps.store.db;
  if (asOf >= localDate(deps.clock(), timeZone)) return activePartnersInStages(db, ctx.workspaceId, WAITING);
  const dayAfter = zonedInstant(`${addDays(asOf, 1)}T00:00`, timeZone);
  return partnersInStagesBefore(db, ctx.workspaceId, WAITING, dayAfter);
}

async function followUpItems(deps: Deps, ctx: Ctx, asOf: string, profile: Awaited<ReturnType<typeof showProfile>>) {
  const db = deps.store.db;
  const partners = await waitingPartners(deps, ctx, asOf, profile.timeZone);
  const ids = partners.map((p) => p.id);
  // Only what had happened by `asOf`: a later first touch (a partner approached again) would
  // otherwise replace the cycle that was running then.
  const messages = (await outreachMessages(db, ctx.workspaceId, ids)).filter((m) => m.sentOn <= asOf);
  const replies = (await repliesFor(db, ctx.workspaceId, ids)).filter((r) => r.repliedOn <= asOf);
  const messagesOf = groupBy(messages, (m) => m.partnerId);
  const repliesOf = groupBy(replies, (r) => r.partnerId);
  const items: FollowUpItem[] = [];
  for (const p of partners) {
    const facts = cycleFacts(messagesOf.get(p.id) ?? [], repliesOf.get(p.id) ?? []);
    const status = followUpStatus({
      firstTouchOn: facts.firstTouch?.sentOn ?? null,
      followUpOn: facts.followUp?.sentOn ?? null,
      replyOn: facts.reply?.repliedOn ?? null,
      today: asOf,
      minDays: profile.followUpMinDays,
      maxDays: profile.followUpMaxDays,
      noResponseDays: profile.noResponseDays,
    });
    if (status.state === 'not_contacted' || status.state === 'replied') continue;
    items.push({
      partner: { id: p.id, name: p.name, stage: p.stage as Stage },
      ...status,
      firstTouchOn: facts.firstTouch?.sentOn ?? null,
      followUpOn: facts.followUp?.sentOn ?? null,
    });
  }
  return items.sort(
    (a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.partner.name.localeCompare(b.partner.name),
  );
}

/** Every partner the follow-up rule is watching, with its state as of a day. */
export async function listFollowUps(deps: Deps, ctx: Ctx, input: unknown = {}) {
  const { profile, asOf } = await asOfDay(deps, ctx, input);
  return { asOf, items: await followUpItems(deps, ctx, asOf, profile) };
}

async function callItems(deps: Deps, ctx: Ctx, calls: Call[], timeZone: string): Promise<CallItem[]> {
  const refs = await partnerRefs(deps.store.db, ctx.workspaceId, [...new Set(calls.map((c) => c.partnerId))]);
  const byId = new Map(refs.map((r) => [r.id, r]));
  return calls.map((c) => {
    const p = byId.get(c.partnerId);
    return {
      ...c,
      partner: { id: c.partnerId, name: p?.name ?? '?', stage: (p?.stage ?? 'identified') as Stage },
      localStart: localDateTime(c.startsAt, timeZone),
    };
  });
}

/** What needs the owner on a day: follow-ups, calls, silent partners and due next actions. */
export async function today(deps: Deps, ctx: Ctx, input: unknown = {}): Promise<Today> {
  const { profile, asOf } = await asOfDay(deps, ctx, input);
  const tz = profile.timeZone;
  const followUps = await followUpItems(deps, ctx, asOf, profile);
  const dayStart = zonedInstant(`${asOf}T00:00`, tz);
  const tomorrow = zonedInstant(`${addDays(asOf, 1)}T00:00`, tz);
  const weekEnd = zonedInstant(`${addDays(asOf, 7)}T00:00`, tz);
  const calls = await listCalls(deps.store.db, ctx.workspaceId, { from: dayStart, to: weekEnd, status: 'booked' });
  const items = await callItems(deps, ctx, calls, tz);
  const actions = await partnersWithActionBy(deps.store.db, ctx.workspaceId, asOf, TODAY_LIST_LIMIT);
  const [fees, flags, review] = await Promise.all([
    listFees(deps, ctx, { status: 'due', to: addDays(asOf, 7), asOf, limit: TODAY_LIST_LIMIT }),
    flaggedPartners(deps, ctx, TODAY_LIST_LIMIT),
    reviewReminder(deps, ctx, asOf),
  ]);
  // A list short of the limit is the whole of it; only a full one needs counting.
  const flagsTotal =
    flags.items.length < TODAY_LIST_LIMIT
      ? flags.items.length
      : await countBadFitPartners(deps.store.db, ctx.workspaceId);
  return {
    asOf,
    timeZone: tz,
    followUpsDue: followUps.filter((f) => f.state === 'due'),
    followUpsOverdue: followUps.filter((f) => f.state === 'overdue'),
    proposedNoResponse: followUps.filter((f) => f.state === 'propose_no_response'),
    callsToday: items.filter((c) => c.startsAt < tomorrow),
    callsThisWeek: items.filter((c) => c.startsAt >= tomorrow),
    nextActions: actions.items.map((a) => ({
      id: a.id,
      name: a.name,
      stage: a.stage as Stage,
      nextAction: a.nextAction,
      nextActionDate: a.nextActionDate ?? asOf,
    })),
    nextActionsTotal: actions.total,
    feesDue: fees.items,
    flags: flags.items,
    flagsTotal,
    review,
  };
}

/** One subscribable calendar: every call, and each pending follow-up on the day it falls due. */
export async function calendarFeed(deps: Deps, ctx: Ctx): Promise<string> {
  const profile = await showProfile(deps, ctx);
  const asOf = localDate(deps.clock(), profile.timeZone);
  const calls = await callItems(deps, ctx, await listCalls(deps.store.db, ctx.workspaceId), profile.timeZone);
  const events: EventAttributes[] = calls.map((c) => callEvent(c, c.partner, profile));
  for (const f of await followUpItems(deps, ctx, asOf, profile)) {
    if (!f.dueOn || !['not_due', 'due', 'overdue'].includes(f.state)) continue;
    const [y, m, d] = f.dueOn.split('-').map(Number) as [number, number, number];
    events.push({
      uid: `follow-up-${f.partner.id}-${f.firstTouchOn}@partnerloop`,
      start: [y, m, d],
      duration: { days: 1 },
      title: `Follow up with ${f.partner.name}`,
      description: `The one follow-up is due from ${f.dueOn} and late from ${f.overdueOn}.`,
      transp: 'TRANSPARENT',
    });
  }
  return writeCalendar(events, { productId: 'partnerloop/feed', calName: `${profile.name} partners` }).ics;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
