import { expect, it } from 'vitest';
import { activateAgreement, addAgreement, editAgreement } from '../../src/app/agreements.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { feeTotals, listFees, payFeeLine, unpayFeeLine } from '../../src/app/fees.js';
import { partnerTimeline } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';
import {
  addReferral,
  editReferral,
  endClient,
  flaggedPartners,
  judgeFit,
  listReferralPage,
  markLost,
  markWon,
  partnerFlags,
  partnerReciprocity,
  reopenReferral,
  showReferral,
} from '../../src/app/referrals.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';

async function partnerWithDeal(deps: Deps, ctx: Ctx) {
  const p = await partnerAfterCall(deps, ctx);
  const a = await addAgreement(deps, ctx, p.id, {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'flat', amount: 30_000 },
    handoffMethod: 'intro_email',
    startDate: '2026-01-01',
  });
  await activateAgreement(deps, ctx, a.id);
  return { partner: p, agreement: a };
}

const amounts = (lines: { amount: number }[]) => lines.map((l) => l.amount);

describeEachDb('referrals and fees', (env) => {
  it('derives three lines of 200.00 for 10% of 2,000.00 over 3 months (the worked example)', async () => {
    const { deps, ctx } = env();
    const { partner, agreement } = await partnerWithDeal(deps, ctx);
    const r = await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      leadName: 'Acme',
      date: '2026-02-03',
    });
    expect(r).toMatchObject({ source: 'partner', outcome: 'pending' });
    const won = await markWon(deps, ctx, r.id, { monthlyValue: 200_000, startDate: '2026-02-15' });
    expect(won.feeLines.map((l) => [l.seq, l.dueDate, l.amount, l.direction, l.status, l.agreementId])).toEqual([
      [1, '2026-03-15', 20_000, 'payable', 'due', agreement.id],
      [2, '2026-04-15', 20_000, 'payable', 'due', agreement.id],
      [3, '2026-05-15', 20_000, 'payable', 'due', agreement.id],
    ]);
    const kinds = (await partnerTimeline(deps, ctx, partner.id)).items.map((a) => a.kind);
    expect(kinds.slice(0, 2)).toEqual(['referral.won', 'referral.received']);
  });

  it('gives receivables for given referrals under their fee to us, and nothing outside an agreement', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    const given = await addReferral(deps, ctx, {
      direction: 'given',
      partnerId: partner.id,
      leadName: 'Beta',
      date: '2026-03-01',
    });
    const won = await markWon(deps, ctx, given.id, { monthlyValue: 100_000, startDate: '2026-03-10' });
    expect(won.feeLines.map((l) => [l.direction, l.amount, l.dueDate])).toEqual([['receivable', 30_000, '2026-04-10']]);
    const before = await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      leadName: 'Old',
      date: '2025-12-01',
    });
    expect((await markWon(deps, ctx, before.id, { monthlyValue: 100_000, startDate: '2025-12-05' })).feeLines).toEqual(
      [],
    );
    const inbound = await addReferral(deps, ctx, { direction: 'received', source: 'inbound', leadName: 'Web lead' });
    expect((await markWon(deps, ctx, inbound.id, { monthlyValue: 100_000, startDate: '2026-11-24' })).feeLines).toEqual(
      [],
    );
  });

  it('editing the value, ending early and reopening recompute only the unpaid lines', async () => {
    const { deps, ctx } = env();
    const { partner, agreement } = await partnerWithDeal(deps, ctx);
    await editAgreement(deps, ctx, agreement.id, { feeToThem: { kind: 'percent', percent: 10, months: 6 } });
    const r = await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      leadName: 'Acme',
      date: '2026-02-03',
    });
    const won = await markWon(deps, ctx, r.id, { monthlyValue: 200_000, startDate: '2026-02-15' });
    expect(amounts(won.feeLines)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000, 20_000]);
    const first = won.feeLines[0]!;
    const paid = await payFeeLine(deps, ctx, first.id, { on: '2026-03-20' });
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-03-20', amount: 20_000 });

    const edited = await editReferral(deps, ctx, r.id, { monthlyValue: 300_000 });
    expect(edited.feeLines[0]).toEqual(paid);
    expect(amounts(edited.feeLines)).toEqual([20_000, 30_000, 30_000, 30_000, 30_000, 30_000]);

    const ended = await endClient(deps, ctx, r.id, { on: '2026-04-20' });
    expect(ended.feeLines.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(ended.feeLines[0]).toEqual(paid);

    const reopened = await reopenReferral(deps, ctx, r.id);
    expect(reopened).toMatchObject({ outcome: 'pending', monthlyValue: null, endDate: null });
    expect(reopened.feeLines).toEqual([paid]);

    await expect(payFeeLine(deps, ctx, first.id)).rejects.toMatchObject({ code: 'conflict' });
    await unpayFeeLine(deps, ctx, first.id);
    expect((await showReferral(deps, ctx, r.id)).feeLines).toEqual([]);
  });

  it("dates a referral and a payment on the workspace's day, not UTC's", async () => {
    const { deps, ctx, clock } = env();
    await setProfile(deps, ctx, { timeZone: 'Pacific/Auckland' });
    // Noon UTC on the 24th is already the 25th in Auckland.
    clock.set('2026-11-24T12:00:00.000Z');
    const referral = await addReferral(deps, ctx, { direction: 'received', source: 'inbound', leadName: 'Kiwi Co' });
    expect(referral.date).toBe('2026-11-25');
  });

  it('refuses won without value and start, lost without a reason, and changes of a decided outcome', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    const r = await addReferral(deps, ctx, { direction: 'received', partnerId: partner.id, leadName: 'Acme' });
    const err = await markWon(deps, ctx, r.id, {}).catch((e) => e);
    expect(err.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['monthlyValue', 'startDate']);
    await expect(markLost(deps, ctx, r.id, { reason: 'too_busy' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await markLost(deps, ctx, r.id, { reason: 'price' });
    await expect(markWon(deps, ctx, r.id, { monthlyValue: 1, startDate: '2026-12-01' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    await expect(addReferral(deps, ctx, { direction: 'given', leadName: 'X' })).rejects.toMatchObject({
      details: { issues: [expect.objectContaining({ field: 'partnerId' })] },
    });
    await expect(endClient(deps, ctx, r.id, { on: '2026-12-01' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('lists with filters and keyset pages, newest first', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    for (let i = 1; i <= 5; i++) {
      await addReferral(deps, ctx, {
        direction: i % 2 ? 'received' : 'given',
        partnerId: partner.id,
        leadName: `Lead ${i}`,
        date: `2026-03-0${i}`,
      });
    }
    await addReferral(deps, ctx, { direction: 'received', source: 'cold', leadName: 'Cold one', date: '2026-03-09' });
    const page1 = await listReferralPage(deps, ctx, { limit: 4 });
    expect(page1.items.map((r) => r.leadName)).toEqual(['Cold one', 'Lead 5', 'Lead 4', 'Lead 3']);
    const page2 = await listReferralPage(deps, ctx, { limit: 4, cursor: page1.nextCursor });
    expect(page2.items.map((r) => r.leadName)).toEqual(['Lead 2', 'Lead 1']);
    expect(page2.nextCursor).toBeNull();
    const filtered = await listReferralPage(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      from: '2026-03-02',
      to: '2026-03-05',
    });
    expect(filtered.items.map((r) => r.leadName)).toEqual(['Lead 5', 'Lead 3']);
    expect((await listReferralPage(deps, ctx, { source: 'cold' })).items).toHaveLength(1);
    const rec = await partnerReciprocity(deps, ctx, partner.id);
    expect(rec).toMatchObject({ received: { count: 3 }, given: { count: 2 }, balance: 1 });
  });

  it('totals due, overdue and paid each way, per partner and for a period', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    const r = await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      leadName: 'A',
      date: '2026-02-01',
    });
    const won = await markWon(deps, ctx, r.id, { monthlyValue: 200_000, startDate: '2026-02-01' });
    await payFeeLine(deps, ctx, won.feeLines[0]!.id, { on: '2026-03-02' });
    const g = await addReferral(deps, ctx, {
      direction: 'given',
      partnerId: partner.id,
      leadName: 'B',
      date: '2026-02-01',
    });
    await markWon(deps, ctx, g.id, { monthlyValue: 1, startDate: '2026-06-01' });

    const totals = await feeTotals(deps, ctx, { asOf: '2026-04-15' });
    expect(totals.payable).toEqual({ due: 40_000, overdue: 20_000, paid: 20_000 });
    expect(totals.receivable).toEqual({ due: 30_000, overdue: 0, paid: 0 });
    expect(totals.byPartner).toEqual([
      { partnerId: partner.id, partnerName: 'Brightline PR', payable: totals.payable, receivable: totals.receivable },
    ]);
    const march = await feeTotals(deps, ctx, { asOf: '2026-04-15', from: '2026-03-01', to: '2026-03-31' });
    expect(march.payable).toEqual({ due: 0, overdue: 0, paid: 20_000 });

    const overdue = await listFees(deps, ctx, { status: 'overdue', asOf: '2026-04-15' });
    expect(overdue.items.map((l) => [l.dueDate, l.overdue, l.leadName])).toEqual([['2026-04-01', true, 'A']]);
    const page = await listFees(deps, ctx, { limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await listFees(deps, ctx, { limit: 2, cursor: page.nextCursor });
    expect(rest.items.map((l) => l.dueDate)).toEqual(['2026-05-01', '2026-07-01']);
  });

  it('flags a partner when 2 of its last 3 judged received referrals were a bad fit', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    const add = (date: string) =>
      addReferral(deps, ctx, { direction: 'received', partnerId: partner.id, leadName: date, date });
    const a = await add('2026-03-01');
    const b = await add('2026-03-02');
    await add('2026-03-03');
    await judgeFit(deps, ctx, a.id, { fit: 'good' });
    await judgeFit(deps, ctx, b.id, { fit: 'bad' });
    expect((await partnerFlags(deps, ctx, partner.id)).badFit.flagged).toBe(false);
    const c = await add('2026-03-04');
    await markLost(deps, ctx, c.id, { reason: 'bad_fit' });
    const flags = await partnerFlags(deps, ctx, partner.id);
    expect(flags.badFit).toMatchObject({ flagged: true, badCount: 2, judged: [c.id, b.id, a.id] });
    expect(flags.actions[0]).toMatchObject({
      title: 'Clarify ideal client and referral criteria',
      templateKind: 'bad_fit_clarification',
    });
    const all = await flaggedPartners(deps, ctx);
    expect(all.items.map((f) => [f.partnerName, f.badFit.flagged])).toEqual([['Brightline PR', true]]);
    await judgeFit(deps, ctx, b.id, { fit: 'good' });
    expect((await flaggedPartners(deps, ctx)).items).toEqual([]);
  });

  it('lets only one of two concurrent wins through, so fee lines are derived once', async () => {
    const { deps, ctx } = env();
    const { partner } = await partnerWithDeal(deps, ctx);
    const r = await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: partner.id,
      leadName: 'Race',
      date: '2026-02-01',
    });
    const results = await Promise.allSettled([
      markWon(deps, ctx, r.id, { monthlyValue: 100_000, startDate: '2026-02-01' }),
      markWon(deps, ctx, r.id, { monthlyValue: 200_000, startDate: '2026-02-01' }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('illegal_transition');
    expect((await showReferral(deps, ctx, r.id)).feeLines).toHaveLength(3);
  });
});
