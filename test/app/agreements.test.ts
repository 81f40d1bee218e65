import { expect, it } from 'vitest';
import {
  activateAgreement,
  addAgreement,
  disputeTerm,
  editAgreement,
  endAgreement,
  listAgreements,
  recordRefusal,
} from '../../src/app/agreements.js';
import { onePager, onePagerPdf } from '../../src/app/onepager.js';
import { createPartner, partnerTimeline, showPartner } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';

const percentDeal = {
  feeToThem: { kind: 'percent', percent: 10, months: 3 },
  handoffMethod: 'intro_email',
  theyReferToUs: 'Clients who need paid social',
  weReferToThem: 'Clients who need press coverage',
};

describeEachDb('agreements', (env) => {
  it('activates a proposal, moves the partner to agreement, and replaces the previous one on that date', async () => {
    const { deps, ctx } = env();
    const p = await partnerAfterCall(deps, ctx);
    const first = await addAgreement(deps, ctx, p.id, { ...percentDeal, startDate: '2026-01-01' });
    expect(first).toMatchObject({ status: 'proposed', exclusivity: 'none', form: 'informal' });
    await activateAgreement(deps, ctx, first.id);
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('agreement');

    const second = await addAgreement(deps, ctx, p.id, { ...percentDeal, feeToThem: { kind: 'flat', amount: 50_000 } });
    await activateAgreement(deps, ctx, second.id, { on: '2026-06-01' });
    const list = await listAgreements(deps, ctx, p.id, { on: '2026-05-31' });
    expect(list.inForce?.id).toBe(first.id);
    expect(list.items.find((a) => a.id === first.id)).toMatchObject({ status: 'ended', endDate: '2026-06-01' });
    expect((await listAgreements(deps, ctx, p.id, { on: '2026-06-01' })).inForce?.id).toBe(second.id);
    expect((await listAgreements(deps, ctx, p.id, { on: '2025-12-31' })).inForce).toBeNull();

    const ended = await endAgreement(deps, ctx, second.id, { on: '2026-09-01' });
    expect(ended).toMatchObject({ status: 'ended', endDate: '2026-09-01' });
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('ended');
    const kinds = (await partnerTimeline(deps, ctx, p.id)).items.map((a) => a.kind);
    expect(kinds).toContain('agreement.activated');
    expect(kinds).toContain('stage.changed');
  });

  it('refuses activation without a handoff method, or from a stage that cannot reach agreement, writing nothing', async () => {
    const { deps, ctx } = env();
    const p = await partnerAfterCall(deps, ctx);
    const a = await addAgreement(deps, ctx, p.id, { feeToThem: { kind: 'none' } });
    await expect(activateAgreement(deps, ctx, a.id)).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [expect.objectContaining({ field: 'handoffMethod' })] },
    });
    const early = await createPartner(deps, ctx, { name: 'Fresh', type: 'brand' });
    const b = await addAgreement(deps, ctx, early.id, percentDeal);
    await expect(activateAgreement(deps, ctx, b.id)).rejects.toMatchObject({ code: 'illegal_transition' });
    expect((await listAgreements(deps, ctx, early.id)).items[0]?.status).toBe('proposed');
    expect((await showPartner(deps, ctx, early.id)).stage).toBe('identified');
  });

  it('validates terms and names the fields', async () => {
    const { deps, ctx } = env();
    const p = await partnerAfterCall(deps, ctx);
    const err = await addAgreement(deps, ctx, p.id, {
      feeToThem: { kind: 'percent', percent: 0, months: 40 },
      feeToUs: { kind: 'flat', amount: -5 },
    }).catch((e) => e);
    expect(err.code).toBe('validation_failed');
    expect(err.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'feeToThem.months',
      'feeToThem.percent',
      'feeToUs.amount',
    ]);
    const a = await addAgreement(deps, ctx, p.id, percentDeal);
    await expect(
      editAgreement(deps, ctx, a.id, { reviewDate: '2025-01-01', startDate: '2026-01-01' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('records a refusal: the partner moves to declined and open proposals close', async () => {
    const { deps, ctx } = env();
    const p = await partnerAfterCall(deps, ctx);
    const a = await addAgreement(deps, ctx, p.id, percentDeal);
    const result = await recordRefusal(deps, ctx, p.id, { note: 'no capacity this year' });
    expect(result).toMatchObject({ stage: 'declined', closedProposals: [a.id] });
    expect((await listAgreements(deps, ctx, p.id)).items[0]).toMatchObject({ status: 'ended', endDate: '2026-11-24' });
  });

  it('suggests sending the one-pager while a term is disputed, and renders it as Markdown and PDF', async () => {
    const { deps, ctx } = env();
    await setProfile(deps, ctx, { name: 'Northwind Social', positioning: 'Paid social for B2B SaaS' });
    const p = await partnerAfterCall(deps, ctx);
    const a = await addAgreement(deps, ctx, p.id, percentDeal);
    const disputed = await disputeTerm(deps, ctx, a.id, { term: 'feeToThem', note: 'they want 15%' });
    expect(disputed.suggestion).toMatch(/one-pager/);
    expect(disputed.agreement.disputedTerms).toEqual(['feeToThem']);
    const settled = await disputeTerm(deps, ctx, a.id, { term: 'feeToThem', disputed: false });
    expect(settled.suggestion).toBeNull();

    const { markdown } = await onePager(deps, ctx, a.id);
    expect(markdown).toContain('# Referral agreement: Northwind Social and Brightline PR');
    expect(markdown).toContain("10% of the client's monthly revenue for the first 3 months");
    const pdf = await onePagerPdf(deps, ctx, a.id, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('(Referral agreement with Brightline PR)');
    // The page text itself: uncompressed, each shown run is a TJ array of hex strings.
    const shown = [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)]
      .map((m) =>
        [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)]
          .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      )
      .join('\n');
    expect(shown).toContain('Referral agreement: Northwind Social and Brightline PR');
    expect(shown).toContain('Paid social for B2B SaaS');
  });
});
