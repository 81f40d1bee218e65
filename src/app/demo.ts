import { AppError } from '../domain/errors.js';
import { DEFAULT_PROFILE } from '../domain/profile.js';
import type { Stage } from '../domain/stage.js';
import { activateAgreement, addAgreement, endAgreement } from './agreements.js';
import { bookCall, completeCall } from './calls.js';
import type { Ctx, Deps } from './context.js';
import { DEMO_PARTNERS, DEMO_PROFILE, DEMO_REFERRALS, DEMO_TERMS, type DemoPartner } from './demo-data.js';
import { listFees, payFeeLine, today } from './fees.js';
import { recordReply, sendMessage } from './outreach.js';
import { createPartner, listPartnerPage, movePartner } from './partners.js';
import { setProfile, showProfile } from './profile.js';
import { addReferral, judgeFit, markLost, markWon } from './referrals.js';

const DAY = 86_400_000;

/**
 * Fills an empty workspace with the sample through the same use cases a person would use, each
 * dated as if it happened: messages, replies, calls, agreements, referrals and fees.
 */
export async function loadDemo(deps: Deps, ctx: Ctx): Promise<{ partners: number; referrals: number }> {
  const existing = await listPartnerPage(deps, ctx, { limit: 1, archived: 'include' });
  if (existing.total > 0) {
    throw new AppError('conflict', 'The sample data is for an empty workspace; this one already has partners', {
      partners: existing.total,
    });
  }
  const profile = await showProfile(deps, ctx);
  const unset = Object.fromEntries(
    Object.entries(DEMO_PROFILE).filter(([key]) => {
      const current = profile[key as keyof typeof profile];
      return current === null || current === DEFAULT_PROFILE[key as keyof typeof DEFAULT_PROFILE];
    }),
  );
  await setProfile(deps, ctx, unset);

  const now = deps.clock().getTime();
  const at = (ms: number): Deps => ({ ...deps, clock: () => new Date(ms) });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const ids = new Map<string, string>();
  for (const p of DEMO_PARTNERS) ids.set(p.name, await walk(ctx, p, now, at, day));

  const monthStart = Date.parse(`${(await today(deps, ctx)).slice(0, 7)}-01T00:00:00Z`);
  for (const r of DEMO_REFERRALS) {
    const when = now - r.daysAgo * DAY;
    // Nothing is dated after now, whatever the time of day the sample is loaded at.
    const d = at(Math.min(now, when + 11 * 3_600_000));
    const partnerId = ids.get(r.from);
    const referral = await addReferral(d, ctx, {
      direction: r.direction ?? 'received',
      ...(partnerId ? { partnerId } : { source: r.from }),
      leadName: r.lead,
      company: r.company,
      date: day(when),
    });
    const started = Math.min(now, Math.max(when + 7 * DAY, r.startsThisMonth ? monthStart : 0));
    const decided = at(Math.max(when, Math.min(now, started - DAY)));
    if (r.outcome === 'won') {
      await markWon(decided, ctx, referral.id, { monthlyValue: r.value, startDate: day(started) });
    }
    if (r.outcome === 'lost') await markLost(decided, ctx, referral.id, { reason: r.lostReason });
    if (r.fit && !(r.outcome === 'lost' && r.lostReason === 'bad_fit')) {
      await judgeFit(decided, ctx, referral.id, { fit: r.fit });
    }
  }

  // Fees that fell due more than a week ago were settled; the rest show as due.
  const due = await listFees(deps, ctx, { status: 'due', to: day(now - 7 * DAY), limit: 500 });
  for (const line of due.items)
    await payFeeLine(at(Date.parse(line.dueDate) + DAY), ctx, line.id, { on: line.dueDate });
  return { partners: DEMO_PARTNERS.length, referrals: DEMO_REFERRALS.length };
}

/** Takes one partner from identified to its stage through the real use cases, step by step. */
async function walk(
  ctx: Ctx,
  p: DemoPartner,
  now: number,
  at: (ms: number) => Deps,
  day: (ms: number) => string,
): Promise<string> {
  const start = now - p.startedDaysAgo * DAY;
  const { path, startedDaysAgo: _s, lastStepDaysAgo, nextActionInDays, ...fields } = p;
  const nextActionDate = nextActionInDays === undefined ? null : day(now + nextActionInDays * DAY);
  const partner = await createPartner(at(start + 9 * 3_600_000), ctx, { ...fields, nextActionDate });
  // Steps a few days apart (at most six), the last one possibly much later.
  const step = Math.min(6 * DAY, (p.startedDaysAgo * DAY) / (path.length + 1));
  let callId: string | null = null;
  let agreementId: string | null = null;
  for (const [i, to] of path.entries()) {
    const isLast = i === path.length - 1;
    const when = isLast && lastStepDaysAgo !== undefined ? now - lastStepDaysAgo * DAY : start + step * (i + 1);
    const d = at(when + 10 * 3_600_000);
    const on = day(when);
    switch (to as Stage) {
      case 'contacted':
        await sendMessage(d, ctx, partner.id, { channel: p.email ? 'manual' : 'linkedin', on });
        break;
      case 'followed_up':
        await sendMessage(d, ctx, partner.id, { channel: p.email ? 'manual' : 'linkedin', on });
        break;
      case 'replied':
        await recordReply(d, ctx, partner.id, { answer: 'interested', on });
        break;
      case 'declined':
        await recordReply(d, ctx, partner.id, { answer: 'no', on, note: p.notes });
        break;
      case 'call_booked': {
        // The upcoming call of a partner still at this stage is two days from now.
        const callDay = isLast ? day(now + 2 * DAY) : day(when + DAY);
        callId = (await bookCall(d, ctx, partner.id, { at: `${callDay}T15:00` })).id;
        break;
      }
      case 'call_done':
        await completeCall(d, ctx, callId!, {
          fit: 'yes',
          theirIdealClient: p.audience,
          theirServices: `${p.subtype} for ${p.audience.toLowerCase()}`,
          nextStep: 'Send a simple referral proposal',
        });
        break;
      case 'agreement': {
        const terms = DEMO_TERMS[p.name]!;
        const agreement = await addAgreement(d, ctx, partner.id, {
          form: 'informal',
          theyReferToUs: 'Clients who need social media run for them',
          weReferToThem: p.audience,
          feeToThem: terms.feeToThem,
          feeToUs: terms.feeToUs,
          handoffMethod: 'intro_email',
          handoffInstructions: terms.handoff,
          notes: terms.notes,
        });
        agreementId = (await activateAgreement(d, ctx, agreement.id, { on })).id;
        break;
      }
      case 'ended':
        await endAgreement(d, ctx, agreementId!, { on });
        break;
      default:
        await movePartner(d, ctx, partner.id, { to });
    }
  }
  return partner.id;
}
