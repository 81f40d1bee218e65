// The sample data must tell its story on whatever day it is loaded: the review's default
// period (this month) and this week, Today, the fees and the charts all have something in them.
import { expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo.js';
import { listFees } from '../../src/app/fees.js';
import { listReferralPage } from '../../src/app/referrals.js';
import { reviewFigures } from '../../src/app/review.js';
import { today } from '../../src/app/today.js';
import { isoWeekOf } from '../../src/web/components/review/period.js';
import { describeEachDb } from '../helpers/db.js';

// The first of a month just after midnight, a Monday, a leap day, and the month end and DST
// change CI runs the whole suite at.
const LOAD_INSTANTS = [
  '2026-12-01T00:05:00Z',
  '2026-11-23T00:30:00Z',
  '2028-02-29T12:00:00Z',
  '2027-03-31T23:30:00Z',
  '2026-10-25T01:30:00Z',
];

describeEachDb('the sample data on any day', (env) => {
  for (const at of LOAD_INSTANTS) {
    it(`is rich when loaded at ${at}`, async () => {
      const { deps, ctx, clock } = env();
      clock.set(at);
      await loadDemo(deps, ctx);
      const day = at.slice(0, 10);

      // The web's review opens on this month.
      const month = await reviewFigures(deps, ctx, { month: day.slice(0, 7) });
      expect(month.doubleDown.map((d) => d.partnerName)).toContain('Brightline PR');
      expect(month.goal.newPartnerMonthlyRevenue).toBeGreaterThan(0);
      expect(month.goal.recurringPartnerRevenue).toBeGreaterThan(0);
      expect(month.trend.filter((t) => t.total > 0).length).toBeGreaterThanOrEqual(4);

      const week = await reviewFigures(deps, ctx, { week: isoWeekOf(day) });
      expect(week.sources.partners.reduce((n, p) => n + p.received, 0)).toBeGreaterThan(0);

      const agenda = await today(deps, ctx);
      expect(agenda.asOf).toBe(day);
      expect(agenda.nextActions.length).toBeGreaterThan(0);
      expect(agenda.callsThisWeek.length + agenda.callsToday.length).toBeGreaterThan(0);

      const open = await listFees(deps, ctx, { status: 'due', limit: 500 });
      const paid = await listFees(deps, ctx, { status: 'paid', limit: 500 });
      expect(open.items.length).toBeGreaterThan(0);
      expect(paid.items.length).toBeGreaterThan(0);
      expect(paid.items.every((l) => l.paidOn! <= day)).toBe(true);

      // Nothing in the sample happens after the moment it was loaded.
      const referrals = await listReferralPage(deps, ctx, { limit: 100 });
      expect(referrals.items.every((r) => r.date <= day && (r.startDate ?? '') <= day)).toBe(true);
    });
  }
});
