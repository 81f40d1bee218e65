import { expect, it } from 'vitest';
import { describeEachDb } from '../helpers/db.js';
import { apiCaller } from '../helpers/http.js';
import { partnerAfterCall } from '../helpers/partners.js';

describeEachDb('HTTP agreements, referrals and fees', (env) => {
  const setup = () => {
    const { deps, ctx } = env();
    const call = apiCaller(deps, ctx);
    return { deps, ctx, call };
  };

  it('runs agreement → referral won → fee line paid over the API', async () => {
    const { deps, ctx, call } = setup();
    const p = await partnerAfterCall(deps, ctx);
    const created = await call('POST', `/partners/${p.id}/agreements`, {
      feeToThem: { kind: 'percent', percent: 10, months: 3 },
      handoffMethod: 'intro_email',
      startDate: '2026-01-01',
    });
    expect(created.status).toBe(201);
    const activated = await call('POST', `/agreements/${created.json.id}/activate`, { on: '2026-01-02' });
    expect(activated.json.startDate).toBe('2026-01-02');
    expect(activated.status).toBe(200);
    expect(activated.json.status).toBe('active');
    const list = await call('GET', `/partners/${p.id}/agreements?on=2026-02-01`);
    expect(list.json.inForce.id).toBe(created.json.id);

    const ref = await call('POST', '/referrals', {
      direction: 'received',
      partnerId: p.id,
      leadName: 'Acme',
      date: '2026-02-01',
    });
    expect(ref.status).toBe(201);
    const won = await call('POST', `/referrals/${ref.json.id}/won`, { monthlyValue: 200_000, startDate: '2026-02-15' });
    expect(won.status).toBe(200);
    expect(won.json.feeLines.map((l: { amount: number }) => l.amount)).toEqual([20_000, 20_000, 20_000]);

    const paid = await call('POST', `/fees/${won.json.feeLines[0].id}/pay`, { on: '2026-03-16' });
    expect(paid.json).toMatchObject({ status: 'paid', paidOn: '2026-03-16' });
    const totals = await call('GET', '/fees/totals?asOf=2026-04-20');
    expect(totals.json.payable).toEqual({ due: 40_000, overdue: 20_000, paid: 20_000 });
    const overdue = await call('GET', `/fees?status=overdue&asOf=2026-04-20&partnerId=${p.id}`);
    expect(overdue.json.items.map((l: { dueDate: string }) => l.dueDate)).toEqual(['2026-04-15']);
    const log = await call('GET', `/referrals?direction=received&partnerId=${p.id}`);
    expect(log.json.items).toHaveLength(1);
    expect((await call('GET', `/partners/${p.id}/reciprocity`)).json.received).toEqual({
      count: 1,
      won: 1,
      wonMonthlyValue: 200_000,
    });
    expect((await call('GET', `/partners/${p.id}/flags`)).json.badFit.flagged).toBe(false);
  });

  it('names the bad fields, refuses unknown ones, and answers 404/409 as errors', async () => {
    const { deps, ctx, call } = setup();
    const p = await partnerAfterCall(deps, ctx);
    const bad = await call('POST', `/partners/${p.id}/agreements`, {
      feeToThem: { kind: 'percent', percent: 150, months: 0 },
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    const fields = bad.json.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['colour', 'feeToThem.months', 'feeToThem.percent']);
    const ref = await call('POST', '/referrals', { direction: 'received', partnerId: p.id, leadName: 'Acme' });
    const lost = await call('POST', `/referrals/${ref.json.id}/lost`, { reason: 'boredom' });
    expect(lost.status).toBe(400);
    expect(lost.json.error.details.issues[0].field).toBe('reason');
    expect((await call('GET', '/referrals/nope')).status).toBe(404);
    await call('POST', `/referrals/${ref.json.id}/lost`, { reason: 'price' });
    expect(
      (await call('POST', `/referrals/${ref.json.id}/won`, { monthlyValue: 1, startDate: '2026-12-01' })).status,
    ).toBe(409);
    expect((await call('GET', '/fees?status=late')).status).toBe(400);
  });

  it('serves the one-pager as Markdown and PDF with the right content types', async () => {
    const { deps, ctx, call } = setup();
    const p = await partnerAfterCall(deps, ctx);
    const a = await call('POST', `/partners/${p.id}/agreements`, { handoffMethod: 'calendar_link' });
    const md = await call('GET', `/agreements/${a.json.id}/one-pager.md`);
    expect(md.status).toBe(200);
    expect(md.type).toMatch(/^text\/markdown/);
    expect(await md.res.text()).toContain('Brightline PR');
    const pdf = await call('GET', `/agreements/${a.json.id}/one-pager.pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const refused = await call('POST', `/partners/${p.id}/refusal`, { on: '2026-12-01', note: 'not now' });
    expect(refused.json).toMatchObject({ stage: 'declined', closedProposals: [a.json.id] });
    const badDate = await call('POST', `/partners/${p.id}/refusal`, { on: '2026-13-01' });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.details.issues[0].field).toBe('on');
    const dispute = await call('POST', `/agreements/${a.json.id}/dispute`, { term: 'handoff' });
    expect(dispute.json.suggestion).toMatch(/one-pager/);
    expect(dispute.json.onePager.pdf).toBe(`/api/v1/agreements/${a.json.id}/one-pager.pdf`);
  });
});
