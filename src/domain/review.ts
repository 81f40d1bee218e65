import { REFERRAL_SOURCES, type ReferralSource } from './referral.js';
import { ratio } from './stats.js';

/** Received leads of one source (one partner, or inbound/cold/other) in the period. */
export interface SourceCounts {
  source: ReferralSource;
  partnerId: string | null;
  partnerName: string | null;
  received: number;
  won: number;
  lost: number;
  pending: number;
  /** Monthly value of the clients won, minor units. */
  wonMonthlyValue: number;
}

export interface SourceFigures extends SourceCounts {
  winRate: number | null;
}

/**
 * Partners a review lists by name. A month of a big workspace has thousands with a lead; the
 * review ranks them all and shows the best, with the count of the rest.
 */
export const REVIEW_PARTNER_LIMIT = 50;

export interface SourcesSummary {
  /** One row per partner that sent leads, best first (most new monthly revenue, then wins, then leads). */
  partners: SourceFigures[];
  /** All partnerships together, then inbound, cold and other. */
  bySource: SourceFigures[];
  /** Share of new monthly revenue won that came from partnerships (null when nothing was won). */
  partnershipShare: number | null;
}

// Spelled out rather than spread: a review can hold thousands of partner rows, and copying
// by spread is ten times slower.
const withRate = (c: SourceCounts): SourceFigures => ({
  source: c.source,
  partnerId: c.partnerId,
  partnerName: c.partnerName,
  received: c.received,
  won: c.won,
  lost: c.lost,
  pending: c.pending,
  wonMonthlyValue: c.wonMonthlyValue,
  winRate: ratio(c.won, c.won + c.lost),
});

export function sourcesSummary(rows: SourceCounts[]): SourcesSummary {
  const partners = rows
    .filter((r) => r.source === 'partner')
    .map(withRate)
    .sort((a, b) => b.wonMonthlyValue - a.wonMonthlyValue || b.won - a.won || b.received - a.received);
  const bySource = REFERRAL_SOURCES.map((source) => {
    const sum: SourceCounts = {
      source,
      partnerId: null,
      partnerName: null,
      received: 0,
      won: 0,
      lost: 0,
      pending: 0,
      wonMonthlyValue: 0,
    };
    for (const r of rows) {
      if (r.source !== source) continue;
      sum.received += r.received;
      sum.won += r.won;
      sum.lost += r.lost;
      sum.pending += r.pending;
      sum.wonMonthlyValue += r.wonMonthlyValue;
    }
    return withRate(sum);
  });
  const total = bySource.reduce((s, r) => s + r.wonMonthlyValue, 0);
  return { partners, bySource, partnershipShare: ratio(bySource[0]!.wonMonthlyValue, total) };
}

export interface GoalInput {
  /** Monthly value of clients won in the period, all sources. */
  newMonthlyRevenue: number;
  /** Of which from partnerships. */
  newPartnerMonthlyRevenue: number;
  /** Monthly revenue of partner-sourced clients still active at the end of the period. */
  recurringPartnerRevenue: number;
  monthlyTarget: number;
  monthlyPlatformCost: number;
}

export interface GoalFigures extends GoalInput {
  /** Recurring partner revenue as a share of the monthly target. */
  progress: number | null;
  /** What is still missing to the target (0 once reached). */
  gap: number;
  /** Recurring partner revenue per unit of platform cost. */
  returnOnCost: number | null;
}

export function goalFigures(g: GoalInput): GoalFigures {
  return {
    ...g,
    progress: ratio(g.recurringPartnerRevenue, g.monthlyTarget),
    gap: Math.max(0, g.monthlyTarget - g.recurringPartnerRevenue),
    returnOnCost: ratio(g.recurringPartnerRevenue, g.monthlyPlatformCost),
  };
}

export interface Recommendation {
  partnerId: string;
  partnerName: string;
  reason: string;
}

/**
 * Partners to double down on: those whose leads turned into revenue, ranked by monthly value
 * won, then win rate, then volume. A client who starts in the period counts even when the lead
 * came in before it: early in a month, those are the only wins the month has. `formatMoney`
 * renders minor units for the reason.
 */
export function doubleDown(
  partners: SourceFigures[],
  formatMoney: (minor: number) => string,
  limit = 5,
): Recommendation[] {
  return partners
    .filter((p) => p.won > 0 || p.wonMonthlyValue > 0)
    .sort(
      (a, b) => b.wonMonthlyValue - a.wonMonthlyValue || (b.winRate ?? 0) - (a.winRate ?? 0) || b.received - a.received,
    )
    .slice(0, limit)
    .map((p) => ({
      partnerId: p.partnerId!,
      partnerName: p.partnerName ?? '',
      reason:
        p.received > 0
          ? `${formatMoney(p.wonMonthlyValue)} a month of new clients; ${p.received} leads this period, ${p.won} won so far (${Math.round((p.winRate ?? 0) * 100)}% of those decided)`
          : `${formatMoney(p.wonMonthlyValue)} a month of new clients from leads sent earlier`,
    }));
}

/** The partners a review shows (the best `REVIEW_PARTNER_LIMIT`) and its picks, to be named. */
export function shownPartners(
  ranked: SourcesSummary,
  formatMoney: (minor: number) => string,
): { shown: SourceFigures[]; picks: Recommendation[]; ids: string[] } {
  const picks = doubleDown(ranked.partners, formatMoney);
  const shown = ranked.partners.slice(0, REVIEW_PARTNER_LIMIT);
  const ids = [...new Set([...shown.map((p) => p.partnerId as string), ...picks.map((p) => p.partnerId)])];
  return { shown, picks, ids };
}

/** The review's sources and picks with names filled in from `names` (partner id → name). */
export function namedSources(
  ranked: SourcesSummary,
  { shown, picks }: { shown: SourceFigures[]; picks: Recommendation[] },
  names: ReadonlyMap<string, string>,
) {
  return {
    sources: {
      ...ranked,
      partners: shown.map((p) => ({ ...p, partnerName: names.get(p.partnerId as string) ?? null })),
      partnersTotal: ranked.partners.length,
    },
    doubleDown: picks.map((p) => ({ ...p, partnerName: names.get(p.partnerId) ?? '' })),
  };
}

export interface QuietCandidate {
  partnerId: string;
  partnerName: string;
  /** Latest referral or timeline entry, ISO instant or date; null if none. */
  lastSign: string | null;
  since: string;
}

/** Partners with an agreement but no referral or activity for `quietDays`, longest silence first. */
export function goneQuiet(
  candidates: QuietCandidate[],
  today: string,
  quietDays: number,
): (Recommendation & { days: number })[] {
  const day = Date.parse(`${today}T00:00:00Z`);
  return candidates
    .map((c) => {
      const last = Date.parse((c.lastSign ?? c.since).slice(0, 10));
      return { ...c, days: Math.floor((day - last) / 86_400_000) };
    })
    .filter((c) => c.days >= quietDays)
    .sort((a, b) => b.days - a.days)
    .map((c) => ({
      partnerId: c.partnerId,
      partnerName: c.partnerName,
      days: c.days,
      reason: c.lastSign ? `Nothing for ${c.days} days` : `No referral since the agreement, ${c.days} days ago`,
    }));
}
