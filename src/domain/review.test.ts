import { describe, expect, it } from 'vitest';
import {
  doubleDown,
  goalFigures,
  goneQuiet,
  namedSources,
  type SourceCounts,
  shownPartners,
  sourcesSummary,
} from './review.js';

const row = (over: Partial<SourceCounts>): SourceCounts => ({
  source: 'partner',
  partnerId: null,
  partnerName: null,
  received: 0,
  won: 0,
  lost: 0,
  pending: 0,
  wonMonthlyValue: 0,
  ...over,
});
const usd = (minor: number) => `$${(minor / 100).toLocaleString('en-US')}`;

describe('referrals by source', () => {
  const rows = [
    row({ partnerId: 'a', partnerName: 'Atlas', received: 4, won: 2, lost: 1, pending: 1, wonMonthlyValue: 300_000 }),
    row({ partnerId: 'b', partnerName: 'Brightline', received: 2, won: 1, lost: 1, wonMonthlyValue: 150_000 }),
    row({ source: 'inbound', received: 5, won: 1, lost: 2, pending: 2, wonMonthlyValue: 50_000 }),
    row({ source: 'cold', received: 3, lost: 3 }),
  ];

  it('adds partnerships together and computes win rates over decided leads', () => {
    const s = sourcesSummary(rows);
    expect(s.bySource.map((r) => [r.source, r.received, r.won, r.wonMonthlyValue])).toEqual([
      ['partner', 6, 3, 450_000],
      ['inbound', 5, 1, 50_000],
      ['cold', 3, 0, 0],
      ['other', 0, 0, 0],
    ]);
    expect(s.bySource[0]!.winRate).toBe(3 / 5);
    expect(s.bySource[2]!.winRate).toBe(0);
    expect(s.bySource[3]!.winRate).toBeNull();
    expect(s.partnershipShare).toBe(0.9);
    expect(s.partners.map((p) => p.partnerName)).toEqual(['Atlas', 'Brightline']);
  });

  it('has no share when nothing was won', () => {
    expect(sourcesSummary([row({ source: 'cold', received: 2, lost: 2 })]).partnershipShare).toBeNull();
  });

  it('ranks partners by new monthly revenue, then clients won, then leads', () => {
    const s = sourcesSummary([
      row({ partnerId: 'leads', received: 9 }),
      row({ partnerId: 'won', received: 2, won: 2 }),
      row({ partnerId: 'revenue', received: 1, won: 1, wonMonthlyValue: 10 }),
      row({ partnerId: 'won-more-leads', received: 5, won: 2 }),
    ]);
    expect(s.partners.map((p) => p.partnerId)).toEqual(['revenue', 'won-more-leads', 'won', 'leads']);
  });

  it('recommends partners whose leads became revenue, with the reason', () => {
    const s = sourcesSummary([...rows, row({ partnerId: 'c', partnerName: 'Copy Kitchen', received: 3, lost: 3 })]);
    expect(doubleDown(s.partners, usd)).toEqual([
      {
        partnerId: 'a',
        partnerName: 'Atlas',
        reason: '$3,000 a month of new clients; 4 leads this period, 2 won so far (67% of those decided)',
      },
      {
        partnerId: 'b',
        partnerName: 'Brightline',
        reason: '$1,500 a month of new clients; 2 leads this period, 1 won so far (50% of those decided)',
      },
    ]);
  });

  it('recommends a partner whose clients start in the period from leads sent before it', () => {
    const s = sourcesSummary([
      row({ partnerId: 'a', partnerName: 'Atlas', wonMonthlyValue: 430_000 }),
      row({ partnerId: 'b', partnerName: 'Brightline', received: 1, pending: 1 }),
    ]);
    expect(doubleDown(s.partners, usd)).toEqual([
      { partnerId: 'a', partnerName: 'Atlas', reason: '$4,300 a month of new clients from leads sent earlier' },
    ]);
  });

  it('breaks a tie in revenue by win rate', () => {
    const s = sourcesSummary([
      row({ partnerId: 'x', partnerName: 'X', received: 4, won: 1, lost: 3, wonMonthlyValue: 100 }),
      row({ partnerId: 'y', partnerName: 'Y', received: 1, won: 1, wonMonthlyValue: 100 }),
    ]);
    expect(doubleDown(s.partners, usd).map((r) => r.partnerId)).toEqual(['y', 'x']);
  });
});

describe('the goal', () => {
  it('measures recurring partner revenue against the target and the tools bill', () => {
    const g = goalFigures({
      newMonthlyRevenue: 250_000,
      newPartnerMonthlyRevenue: 200_000,
      recurringPartnerRevenue: 400_000,
      monthlyTarget: 500_000,
      monthlyPlatformCost: 20_000,
    });
    expect(g.progress).toBe(0.8);
    expect(g.gap).toBe(100_000);
    expect(g.returnOnCost).toBe(20);
  });
});

describe('partners gone quiet', () => {
  it('lists partners silent for the configured days, longest first', () => {
    const quiet = goneQuiet(
      [
        { partnerId: 'a', partnerName: 'A', lastSign: '2026-10-01T10:00:00Z', since: '2026-01-01' },
        { partnerId: 'b', partnerName: 'B', lastSign: '2026-11-20', since: '2026-01-01' },
        { partnerId: 'c', partnerName: 'C', lastSign: null, since: '2026-09-01' },
      ],
      '2026-11-24',
      30,
    );
    expect(quiet).toEqual([
      { partnerId: 'c', partnerName: 'C', days: 84, reason: 'No referral since the agreement, 84 days ago' },
      { partnerId: 'a', partnerName: 'A', days: 54, reason: 'Nothing for 54 days' },
    ]);
  });
});

describe('the partners a review names', () => {
  it('are the best 50 and the picks, counted in full and named from the lookup', () => {
    const ranked = sourcesSummary(
      Array.from({ length: 60 }, (_, i) =>
        row({
          partnerId: `p${i}`,
          received: 2,
          won: i < 3 ? 1 : 0,
          lost: i < 3 ? 1 : 0,
          wonMonthlyValue: i < 3 ? (60 - i) * 100 : 0,
        }),
      ),
    );
    const toName = shownPartners(ranked, usd);
    expect(toName.shown.map((p) => p.partnerId)).toEqual(Array.from({ length: 50 }, (_, i) => `p${i}`));
    expect(toName.ids).toHaveLength(50);
    const named = namedSources(
      ranked,
      toName,
      new Map([
        ['p0', 'Atlas'],
        ['p1', 'Birch'],
      ]),
    );
    expect(named.sources.partnersTotal).toBe(60);
    expect(named.sources.partners.slice(0, 3).map((p) => p.partnerName)).toEqual(['Atlas', 'Birch', null]);
    expect(named.doubleDown.map((p) => [p.partnerId, p.partnerName])).toEqual([
      ['p0', 'Atlas'],
      ['p1', 'Birch'],
      ['p2', ''],
    ]);
  });
});
