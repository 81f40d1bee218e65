import { parseInput } from '../contract/common.js';
import { ReviewQuerySchema, ReviewSaveSchema } from '../contract/review.js';
import { type Checklist, checklist } from '../domain/checklist.js';
import { addDays, addMonths, localDate, zonedInstant } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { BAD_FIT_THRESHOLD, BAD_FIT_WINDOW } from '../domain/escalation.js';
import { currentPeriod, type Period, type PeriodInput, resolvePeriod } from '../domain/period.js';
import { pipelineFigures } from '../domain/pipeline.js';
import type { Profile } from '../domain/profile.js';
import { REFERRAL_SOURCES } from '../domain/referral.js';
import { goalFigures, goneQuiet, namedSources, shownPartners, sourcesSummary } from '../domain/review.js';
import { STAGES } from '../domain/stage.js';
import { partnerNames } from '../store/partners.js';
import { badFitPartners } from '../store/referrals.js';
import {
  agreementPartnersActivity,
  checklistCounts,
  cohortStageEvents,
  disputedAgreements,
  feeSums,
  recurringPartnerRevenue,
  sourceCounts,
  wonByMonth,
} from '../store/review.js';
import { getReview, insertReview, lastReviewAt, listReviewRows } from '../store/reviews.js';
import { type Ctx, type Deps, nowIso } from './context.js';
import { showProfile } from './profile.js';

export type Review = Awaited<ReturnType<typeof computeReview>>;

/** Every figure of the review for a week, a month or a range (the current cadence period by default). */
export async function reviewFigures(deps: Deps, ctx: Ctx, input: unknown = {}): Promise<Review> {
  const q = parseInput(ReviewQuerySchema, input);
  const profile = await showProfile(deps, ctx);
  const asOf = q.asOf ?? localDate(deps.clock(), profile.timeZone);
  const period = periodOf(q, profile, asOf);
  return computeReview(deps, ctx, profile, period, asOf, q.months, q.quietDays);
}

function periodOf(
  q: Partial<Record<'week' | 'month' | 'from' | 'to', string>>,
  profile: Profile,
  asOf: string,
): Period {
  const input: PeriodInput | null = q.week
    ? { week: q.week }
    : q.month
      ? { month: q.month }
      : q.from && q.to
        ? { from: q.from, to: q.to }
        : null;
  return input ? resolvePeriod(input, profile.timeZone) : currentPeriod(profile.reviewCadence, asOf, profile.timeZone);
}

async function computeReview(
  deps: Deps,
  ctx: Ctx,
  profile: Profile,
  period: Period,
  asOf: string,
  months: number,
  quietDays: number,
) {
  const db = deps.store.db;
  const ws = ctx.workspaceId;
  const until = zonedInstant(addDays(asOf, 1), profile.timeZone);
  const trendFrom = `${shiftMonth(period.to.slice(0, 7), -(months - 1))}-01`;
  // The store's reader (on SQLite a connection on another thread) takes the reads over the
  // referral log, about half the database time on a big workspace, while the rest run here.
  // Listed first, so they are handed over before this thread gets busy.
  const reader = deps.store.reader;
  const [counts, trendRows, recurring, events, fees, quietRows, disputed, facts, badFit] = await Promise.all([
    sourceCounts(reader, ws, period.from, period.to),
    wonByMonth(reader, ws, trendFrom, period.to),
    recurringPartnerRevenue(reader, ws, period.to),
    cohortStageEvents(db, ws, period.startsAt, period.endsAt, until),
    feeSums(db, ws, period.from, period.to),
    agreementPartnersActivity(db, ws),
    disputedAgreements(db, ws),
    checklistCounts(db, ws),
    badFitPartners(db, ws),
  ]);
  const money = (minor: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: profile.currency, maximumFractionDigits: 0 }).format(
      minor / 100,
    );
  const ranked = sourcesSummary(counts);
  const toName = shownPartners(ranked, money);
  // Names only for the partners the review shows: looking up thousands took a tenth of its time.
  const { sources, doubleDown } = namedSources(ranked, toName, await partnerNames(db, ws, toName.ids));
  const partnerPipeline = pipelineFigures(events, period.startsAt, period.endsAt, STAGES);
  const newMonthlyRevenue = sources.bySource.reduce((s, r) => s + r.wonMonthlyValue, 0);

  const flags = [
    // The flag kept on the partner row is enough here; re-judging each flagged partner's
    // history would cost a query apiece.
    ...badFit.map((p) => ({
      partnerId: p.id,
      partnerName: p.name,
      kind: 'bad_fit' as const,
      reason: `${BAD_FIT_THRESHOLD} or more of the last ${BAD_FIT_WINDOW} judged referrals were a bad fit: clarify your ideal client and referral criteria`,
    })),
    ...disputed.map((a) => ({
      partnerId: a.partnerId,
      partnerName: a.partnerName,
      kind: 'disputed_terms' as const,
      reason: `Disputed terms (${(JSON.parse(a.disputedTerms) as string[]).join(', ')}): send the written one-pager`,
    })),
  ];

  return {
    period,
    asOf,
    currency: profile.currency,
    timeZone: profile.timeZone,
    pipeline: {
      ...partnerPipeline,
      partners: facts.partners,
      activeAgreements: facts.activeAgreements,
    },
    sources,
    goal: goalFigures({
      newMonthlyRevenue,
      newPartnerMonthlyRevenue: sources.bySource.find((s) => s.source === 'partner')?.wonMonthlyValue ?? 0,
      recurringPartnerRevenue: recurring,
      monthlyTarget: profile.monthlyRevenueTarget,
      monthlyPlatformCost: profile.monthlyPlatformCost,
    }),
    fees,
    trend: trend(trendRows, trendFrom.slice(0, 7), months),
    doubleDown,
    goneQuiet: goneQuiet(
      quietRows.map((r) => ({
        partnerId: r.id,
        partnerName: r.name,
        lastSign: latest(r.lastReferral, r.lastActivity),
        since: r.since ?? asOf,
      })),
      asOf,
      quietDays,
    ),
    flags,
    checklist: checklistOf(facts, profile, asOf),
  };
}

function checklistOf(facts: Awaited<ReturnType<typeof checklistCounts>>, profile: Profile, today: string): Checklist {
  return checklist({
    partnersIdentified: facts.partners,
    partnerTarget: profile.partnerTarget,
    templateDrafted: facts.templateDrafted,
    messagesSent: facts.firstTouches,
    activeAgreements: facts.activeAgreements,
    agreementsWithHandoff: facts.agreementsWithHandoff,
    referralsLogged: facts.referrals,
    lastReviewOn: facts.lastReviewAt ? localDate(facts.lastReviewAt, profile.timeZone) : null,
    cadence: profile.reviewCadence,
    today,
  });
}

/** The playbook checklist as of today. */
export async function currentChecklist(deps: Deps, ctx: Ctx): Promise<Checklist> {
  const profile = await showProfile(deps, ctx);
  const facts = await checklistCounts(deps.store.db, ctx.workspaceId);
  return checklistOf(facts, profile, localDate(deps.clock(), profile.timeZone));
}

/** Whether the cadence's review is due: none saved yet this week or month. */
export async function reviewReminder(
  deps: Deps,
  ctx: Ctx,
  today: string,
): Promise<{ due: boolean; period: string; lastReviewOn: string | null }> {
  const profile = await showProfile(deps, ctx);
  const last = await lastReviewAt(deps.store.db, ctx.workspaceId);
  const lastReviewOn = last ? localDate(last, profile.timeZone) : null;
  const current = currentPeriod(profile.reviewCadence, today, profile.timeZone);
  return { due: lastReviewOn === null || lastReviewOn < current.from, period: current.label, lastReviewOn };
}

export async function saveReview(deps: Deps, ctx: Ctx, input: unknown) {
  const { notes, decisions, ...periodInput } = parseInput(ReviewSaveSchema, input);
  const figures = await reviewFigures(deps, ctx, periodInput);
  const row = {
    id: deps.newId(),
    periodKind: figures.period.kind,
    periodLabel: figures.period.label,
    periodFrom: figures.period.from,
    periodTo: figures.period.to,
    notes: notes ?? null,
    decisions: decisions ?? null,
    reviewedAt: nowIso(deps),
  };
  await insertReview(deps.store.db, ctx.workspaceId, { ...row, figures: JSON.stringify(figures) });
  return { ...row, figures };
}

export async function listReviews(deps: Deps, ctx: Ctx) {
  return { items: await listReviewRows(deps.store.db, ctx.workspaceId) };
}

export async function showReview(deps: Deps, ctx: Ctx, id: string) {
  const row = await getReview(deps.store.db, ctx.workspaceId, id);
  if (!row) throw AppError.notFound('Review', id);
  return { ...row, figures: JSON.parse(row.figures) as Review };
}

function trend(rows: { month: string; source: string; value: number }[], firstMonth: string, months: number) {
  return Array.from({ length: months }, (_, i) => {
    const month = shiftMonth(firstMonth, i);
    const bySource = Object.fromEntries(
      REFERRAL_SOURCES.map((s) => [s, rows.find((r) => r.month === month && r.source === s)?.value ?? 0]),
    ) as Record<(typeof REFERRAL_SOURCES)[number], number>;
    return { month, ...bySource, total: REFERRAL_SOURCES.reduce((t, s) => t + bySource[s], 0) };
  });
}

function shiftMonth(month: string, by: number): string {
  return addMonths(`${month}-01`, by).slice(0, 7);
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a.slice(0, 10) > b.slice(0, 10) ? a : b;
}
