import { expect, it } from 'vitest';
import { activateAgreement, addAgreement } from '../../src/app/agreements.js';
import { createPartner, movePartner } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';
import { addReferral, judgeFit, markLost, markWon } from '../../src/app/referrals.js';
import { listReviews, reviewFigures, reviewReminder, saveReview } from '../../src/app/review.js';
import { reviewMarkdown } from '../../src/app/review-markdown.js';
import type { Stage } from '../../src/domain/stage.js';
import { describeEachDb, type TestEnv } from '../helpers/db.js';

/** Noon in New York on a November 2026 day (EST, UTC-5 after 1 November). */
const noon = (day: string) => `${day}T17:00:00.000Z`;

async function walk(env: TestEnv, id: string, steps: [Stage, string][]) {
  for (const [to, day] of steps) {
    env.clock.set(noon(day));
    await movePartner(env.deps, env.ctx, id, { to });
  }
}

/** A small month worked out by hand: three partners, one agreement, six referrals. */
async function seed(env: TestEnv) {
  const { deps, ctx, clock } = env;
  await setProfile(deps, ctx, {
    timeZone: 'America/New_York',
    reviewCadence: 'monthly',
    monthlyRevenueTarget: 500_000,
    monthlyPlatformCost: 20_000,
  });
  clock.set('2026-10-15T16:00:00.000Z');
  const copy = await createPartner(deps, ctx, { name: 'Copy Kitchen', type: 'complementary' });
  await walk(env, copy.id, [['contacted', '2026-10-16']]);
  clock.set(noon('2026-11-01'));
  const bright = await createPartner(deps, ctx, { name: 'Brightline', type: 'agency' });
  clock.set(noon('2026-11-02'));
  const atlas = await createPartner(deps, ctx, { name: 'Atlas', type: 'agency' });
  await walk(env, atlas.id, [
    ['contacted', '2026-11-03'],
    ['replied', '2026-11-06'],
    ['call_booked', '2026-11-08'],
    ['call_done', '2026-11-10'],
  ]);
  await walk(env, bright.id, [['contacted', '2026-11-04']]);
  await walk(env, copy.id, [['replied', '2026-11-05']]);
  // 23:30 on 31 October in New York: still October.
  clock.set('2026-11-01T03:30:00.000Z');
  await createPartner(deps, ctx, { name: 'Late October', type: 'brand' });

  clock.set(noon('2026-11-12'));
  const agreement = await addAgreement(deps, ctx, atlas.id, {
    form: 'informal',
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'none' },
    handoffMethod: 'intro_email',
  });
  await activateAgreement(deps, ctx, agreement.id, { on: '2026-11-12' });

  const received = (over: Record<string, unknown>) =>
    addReferral(deps, ctx, { direction: 'received', leadName: 'Lead', ...over });
  const october = await received({ partnerId: atlas.id, date: '2026-10-20' });
  await markWon(deps, ctx, october.id, { monthlyValue: 100_000, startDate: '2026-10-25' });
  const r1 = await received({ partnerId: atlas.id, date: '2026-11-13' });
  await markWon(deps, ctx, r1.id, { monthlyValue: 200_000, startDate: '2026-11-15' });
  const r2 = await received({ partnerId: atlas.id, date: '2026-11-14' });
  await markLost(deps, ctx, r2.id, { reason: 'price' });
  const r3 = await received({ partnerId: atlas.id, date: '2026-11-20' });
  await judgeFit(deps, ctx, r2.id, { fit: 'bad' });
  await judgeFit(deps, ctx, r3.id, { fit: 'bad' });
  const inbound = await received({ source: 'inbound', date: '2026-11-05' });
  await markWon(deps, ctx, inbound.id, { monthlyValue: 50_000, startDate: '2026-11-10' });
  const cold = await received({ source: 'cold', date: '2026-11-07' });
  await markLost(deps, ctx, cold.id, { reason: 'timing' });
  await received({ source: 'cold', date: '2026-10-31' });
  clock.set(noon('2026-11-20'));
  return { atlas };
}

describeEachDb('the review', (env) => {
  it('counts pipeline moves in the period, in the workspace time zone, and follows each step', async () => {
    await seed(env());
    const r = await reviewFigures(env().deps, env().ctx, { month: '2026-11', months: 2 });
    expect(r.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', startsAt: '2026-11-01T04:00:00.000Z' });
    expect(r.pipeline.entered).toMatchObject({
      identified: 2,
      contacted: 2,
      replied: 2,
      call_booked: 1,
      call_done: 1,
      agreement: 1,
      declined: 0,
    });
    const [identified, contacted] = r.pipeline.funnel;
    expect(identified).toEqual({
      from: 'identified',
      to: 'contacted',
      entered: 2,
      advanced: 2,
      conversion: 1,
      medianDays: 2,
    });
    expect(contacted).toMatchObject({ entered: 2, advanced: 1, conversion: 0.5, medianDays: 3 });
    expect(r.pipeline).toMatchObject({ partners: 4, activeAgreements: 1 });
  });

  it('attributes leads and new revenue to their sources and measures the goal', async () => {
    await seed(env());
    const r = await reviewFigures(env().deps, env().ctx, { month: '2026-11', months: 2 });
    expect(r.sources.bySource.map((s) => [s.source, s.received, s.won, s.lost, s.pending, s.wonMonthlyValue])).toEqual([
      ['partner', 3, 1, 1, 1, 200_000],
      ['inbound', 1, 1, 0, 0, 50_000],
      ['cold', 1, 0, 1, 0, 0],
      ['other', 0, 0, 0, 0, 0],
    ]);
    expect(r.sources.partnershipShare).toBe(0.8);
    expect(r.goal).toEqual({
      newMonthlyRevenue: 250_000,
      newPartnerMonthlyRevenue: 200_000,
      recurringPartnerRevenue: 300_000,
      monthlyTarget: 500_000,
      monthlyPlatformCost: 20_000,
      progress: 0.6,
      gap: 200_000,
      returnOnCost: 15,
    });
    expect(r.trend).toEqual([
      { month: '2026-10', partner: 100_000, inbound: 0, cold: 0, other: 0, total: 100_000 },
      { month: '2026-11', partner: 200_000, inbound: 50_000, cold: 0, other: 0, total: 250_000 },
    ]);
    expect(r.doubleDown).toEqual([
      {
        partnerId: expect.any(String),
        partnerName: 'Atlas',
        reason: '$2,000 a month of new clients; 3 leads this period, 1 won so far (50% of those decided)',
      },
    ]);
  });

  it('names the best 50 partners of a busy month and counts them all', async () => {
    const { deps, ctx, clock } = env();
    clock.set(noon('2026-11-02'));
    // 53 partners with a lead each; partner i's client is worth i hundred a month, so the
    // ranking is known: 52, 51, ... and partners 0 to 2 fall off the list.
    for (let i = 0; i < 53; i++) {
      const p = await createPartner(deps, ctx, { name: `Partner ${i}`, type: 'agency' });
      const r = await addReferral(deps, ctx, { direction: 'received', leadName: `Lead ${i}`, partnerId: p.id });
      if (i > 0) await markWon(deps, ctx, r.id, { monthlyValue: i * 10_000, startDate: '2026-11-02' });
    }
    const r = await reviewFigures(deps, ctx, { month: '2026-11' });
    expect(r.sources.partnersTotal).toBe(53);
    expect(r.sources.partners.map((p) => p.partnerName)).toEqual(
      Array.from({ length: 50 }, (_, i) => `Partner ${52 - i}`),
    );
    expect(r.sources.partners[0]).toMatchObject({ received: 1, won: 1, wonMonthlyValue: 520_000 });
    // Totals cover every partner, shown or not.
    expect(r.sources.bySource[0]).toMatchObject({ source: 'partner', received: 53, won: 52 });
    expect(r.doubleDown.map((d) => d.partnerName)).toEqual([
      'Partner 52',
      'Partner 51',
      'Partner 50',
      'Partner 49',
      'Partner 48',
    ]);
    const markdown = reviewMarkdown(r);
    expect(markdown).toContain('| · Partner 3 | 1 | 1 | 0 | 0 | 100% | $300.00 |');
    expect(markdown).not.toContain('Partner 2 |');
    expect(markdown).toContain('3 more partners sent leads; all are counted in all partnerships.');
  });

  it('shows the fees of the period, the flags and the checklist', async () => {
    const { atlas } = await seed(env());
    const r = await reviewFigures(env().deps, env().ctx, { from: '2026-11-01', to: '2027-01-31' });
    // 10% of 2,000.00 for three months, due 15 December, 15 January and 15 February.
    expect(r.fees.accrued).toEqual({ payable: 40_000, receivable: 0 });
    expect(r.fees.outstanding).toEqual({ payable: 40_000, receivable: 0 });
    expect(r.flags).toEqual([
      {
        partnerId: atlas.id,
        partnerName: 'Atlas',
        kind: 'bad_fit',
        reason:
          '2 or more of the last 3 judged referrals were a bad fit: clarify your ideal client and referral criteria',
      },
    ]);
    expect(r.checklist.items.map((i) => [i.key, i.done])).toEqual([
      ['partners_identified', false],
      ['template_drafted', false],
      ['messages_sent', false],
      ['agreement_in_place', true],
      ['handoff_defined', true],
      ['tracking', true],
      ['reviewed', false],
    ]);
  });

  it('lists partners gone quiet and defaults to the current cadence period', async () => {
    await seed(env());
    env().clock.set(noon('2027-01-15'));
    const r = await reviewFigures(env().deps, env().ctx, { quietDays: 30 });
    expect(r.period.label).toBe('2027-01');
    expect(r.goneQuiet.map((q) => [q.partnerName, q.days])).toEqual([['Atlas', 56]]);
  });

  it('saves a review with its snapshot, and the reminder goes quiet until the next period', async () => {
    const { deps, ctx, clock } = env();
    await seed(env());
    expect((await reviewReminder(deps, ctx, '2026-11-20')).due).toBe(true);
    const saved = await saveReview(deps, ctx, { month: '2026-11', notes: 'Double down on Atlas' });
    expect(saved.figures.goal.recurringPartnerRevenue).toBe(300_000);
    expect((await listReviews(deps, ctx)).items).toEqual([
      expect.objectContaining({ periodLabel: '2026-11', notes: 'Double down on Atlas' }),
    ]);
    expect((await reviewReminder(deps, ctx, '2026-11-20')).due).toBe(false);
    clock.set(noon('2026-12-02'));
    expect(await reviewReminder(deps, ctx, '2026-12-02')).toMatchObject({ due: true, period: '2026-12' });
  });

  it('shows zeros on an empty workspace and refuses a bad period naming the field', async () => {
    const r = await reviewFigures(env().deps, env().ctx, { week: '2026-W48' });
    expect(r.goal.newMonthlyRevenue).toBe(0);
    expect(r.sources.partnershipShare).toBeNull();
    expect(r.checklist.next?.key).toBe('partners_identified');
    await expect(reviewFigures(env().deps, env().ctx, { month: '2026-13' })).rejects.toMatchObject({
      details: { issues: [{ field: 'month' }] },
    });
    await expect(reviewFigures(env().deps, env().ctx, { month: '2026-11', week: '2026-W48' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
