import { expect, it } from 'vitest';
import { activateAgreement, addAgreement } from '../../src/app/agreements.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { listFees } from '../../src/app/fees.js';
import { createPartner, listPartnerPage, partnerTimeline } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { addReferral, flaggedPartners, listReferralPage, showReferral } from '../../src/app/referrals.js';
import { csvRows, exportText, importText } from '../helpers/csv.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';
import { exportFeeText, exportReferralText, importReferralText } from '../helpers/referral-csv.js';

// Referrals as an owner keeps them: semicolons, odd headers, mixed date and money formats,
// a partner named in lower case or by e-mail, and the usual mistakes.
const MESSY = [
  'Referred by;Client;When;Result;MRR;Company',
  'Brightline PR;Acme Co;03/11/2026;Closed won;$2,000.00;Acme Ltd',
  'brightline pr;Beta LLC;Nov 3, 2026;open;;',
  'Copy Kitchen;Gamma;2026-11-04;won;-500;',
  'Nobody Agency;Delta;2026-11-05;pending;;',
  'Brightline PR;Epsilon;31/02/2026;lost;;',
  'Brightline PR;Zeta;2026-11-06;won;;',
  'ana@copykitchen.example;Theta;24.11.2026;yes;2.000,00 €;',
  '',
].join('\r\n');

const EXPECTED_ERRORS = [
  { line: 4, column: 'MRR', field: 'monthlyValue', message: '"-500" is negative; expected an amount of 0 or more' },
  {
    line: 5,
    column: 'Referred by',
    field: 'partner',
    message: 'no partner "Nobody Agency"; add the partner first, or import with create partners on',
  },
  { line: 6, column: 'When', field: 'date', message: '"31/02/2026" is not a real calendar date' },
  { line: 7, column: 'MRR', field: 'monthlyValue', message: 'is missing; a won referral needs its monthly value' },
];

async function setUp(deps: Deps, ctx: Ctx) {
  const brightline = await partnerAfterCall(deps, ctx);
  const agreement = await addAgreement(deps, ctx, brightline.id, {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'flat', amount: 30_000 },
    handoffMethod: 'intro_email',
    startDate: '2026-01-01',
  });
  await activateAgreement(deps, ctx, agreement.id);
  const copyKitchen = await createPartner(deps, ctx, {
    name: 'Copy Kitchen',
    type: 'complementary',
    email: 'ana@copykitchen.example',
  });
  return { brightline, copyKitchen, agreement };
}

const summary = (items: { leadName: string; outcome: string; date: string; monthlyValue: number | null }[]) =>
  items
    .map((r) => [r.leadName, r.outcome, r.date, r.monthlyValue])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describeEachDb('CSV import of referrals', (env) => {
  it('imports a messy sheet, explains every rejected row, and derives fee lines as the app does', async () => {
    const { deps, ctx } = env();
    const { brightline, copyKitchen, agreement } = await setUp(deps, ctx);
    const report = await importReferralText(deps, ctx, MESSY);
    expect(report).toMatchObject({ rows: 7, created: 3, updated: 0, unchanged: 0, rejected: 4, partnersCreated: [] });
    expect(report.mapping).toEqual([
      { column: 'Referred by', field: 'partner' },
      { column: 'Client', field: 'leadName' },
      { column: 'When', field: 'date' },
      { column: 'Result', field: 'outcome' },
      { column: 'MRR', field: 'monthlyValue' },
      { column: 'Company', field: 'company' },
    ]);
    expect(report.errors).toEqual(EXPECTED_ERRORS);
    const { items } = await listReferralPage(deps, ctx, { limit: 50 });
    expect(summary(items)).toEqual([
      ['Acme Co', 'won', '2026-11-03', 200_000],
      ['Beta LLC', 'pending', '2026-11-03', null],
      ['Theta', 'won', '2026-11-24', 200_000],
    ]);
    const acme = items.find((r) => r.leadName === 'Acme Co')!;
    expect(acme).toMatchObject({
      partnerId: brightline.id,
      source: 'partner',
      direction: 'received',
      company: 'Acme Ltd',
      startDate: '2026-11-03',
    });
    expect(items.find((r) => r.leadName === 'Theta')?.partnerId).toBe(copyKitchen.id);
    // 10% of 2,000.00 for 3 months under the active agreement: three lines of 200.00.
    const detail = await showReferral(deps, ctx, acme.id);
    expect(detail.feeLines.map((l) => [l.seq, l.dueDate, l.amount, l.direction, l.agreementId, l.status])).toEqual([
      [1, '2026-12-03', 20_000, 'payable', agreement.id, 'due'],
      [2, '2027-01-03', 20_000, 'payable', agreement.id, 'due'],
      [3, '2027-02-03', 20_000, 'payable', agreement.id, 'due'],
    ]);
    // Copy Kitchen has no agreement: a won referral with no fee.
    expect((await listFees(deps, ctx, {})).items).toHaveLength(3);
    const timeline = await partnerTimeline(deps, ctx, brightline.id);
    // One entry per partner per import: a count for Brightline, the referral itself for Copy Kitchen.
    const referralEntries = timeline.items.filter((a) => a.kind.startsWith('referral.'));
    expect(referralEntries.map((a) => [a.kind, a.summary, a.data])).toEqual([
      [
        'referral.imported',
        'Imported 2 referrals from a CSV: 1 pending, 1 won',
        { count: 2, outcomes: { won: 1, pending: 1 } },
      ],
    ]);
    const copyEntries = (await partnerTimeline(deps, ctx, copyKitchen.id)).items.filter((a) =>
      a.kind.startsWith('referral.'),
    );
    expect(copyEntries.map((a) => [a.kind, a.summary])).toEqual([
      ['referral.received', 'Referred us Theta — imported, won'],
    ]);
  });

  it('re-imports without duplicates, and applies a changed outcome through the fee derivation', async () => {
    const { deps, ctx } = env();
    await setUp(deps, ctx);
    await importReferralText(deps, ctx, MESSY);
    const again = await importReferralText(deps, ctx, MESSY, { batchSize: 2 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 4 });
    expect(again.errors).toEqual(EXPECTED_ERRORS);
    expect((await listReferralPage(deps, ctx, {})).items).toHaveLength(3);
    expect((await listFees(deps, ctx, {})).items).toHaveLength(3);

    const changed = MESSY.replace(
      'brightline pr;Beta LLC;Nov 3, 2026;open;;',
      'Brightline PR;Beta LLC;2026-11-03;won;1500;',
    );
    const update = await importReferralText(deps, ctx, changed);
    expect(update).toMatchObject({ created: 0, updated: 1, unchanged: 2, rejected: 4 });
    const beta = (await listReferralPage(deps, ctx, {})).items.find((r) => r.leadName === 'Beta LLC')!;
    expect(beta).toMatchObject({ outcome: 'won', monthlyValue: 150_000, startDate: '2026-11-03' });
    expect((await showReferral(deps, ctx, beta.id)).feeLines.map((l) => l.amount)).toEqual([15_000, 15_000, 15_000]);
  });

  it('matches an existing referral logged in the app by partner, lead name and date', async () => {
    const { deps, ctx } = env();
    const { brightline } = await setUp(deps, ctx);
    await addReferral(deps, ctx, {
      direction: 'received',
      partnerId: brightline.id,
      leadName: 'Beta LLC',
      date: '2026-11-03',
    });
    const report = await importReferralText(deps, ctx, MESSY);
    expect(report).toMatchObject({ created: 2, unchanged: 1 });
  });

  it('creates unknown partners with --create-partners, and a dry run changes nothing', async () => {
    const { deps, ctx } = env();
    await setUp(deps, ctx);
    const dry = await importReferralText(deps, ctx, MESSY, { createPartners: true, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 4, rejected: 3 });
    expect(dry.partnersCreated.map((p) => [p.name, p.type])).toEqual([['Nobody Agency', 'agency']]);
    expect((await listReferralPage(deps, ctx, {})).items).toHaveLength(0);
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(2);

    const real = await importReferralText(deps, ctx, MESSY, { createPartners: true });
    expect({ ...real, dryRun: true, partnersCreated: [] }).toEqual({ ...dry, partnersCreated: [] });
    const created = (await listPartnerPage(deps, ctx, { q: 'Nobody' })).items;
    expect(created.map((p) => [p.name, p.type, p.stage])).toEqual([['Nobody Agency', 'agency', 'identified']]);
    expect(real.partnersCreated).toEqual([{ id: created[0]!.id, name: 'Nobody Agency', type: 'agency' }]);
    const again = await importReferralText(deps, ctx, MESSY, { createPartners: true });
    expect(again).toMatchObject({ created: 0, unchanged: 4, partnersCreated: [] });
  });

  /** Brightline's referrals on consecutive November days, judged as given. */
  const fitSheet = (fits: string[]) =>
    ['partner,lead,date,fit', ...fits.map((f, i) => `Brightline PR,Lead ${i},2026-11-0${i + 1},${f}`), ''].join('\n');

  it('flags a partner whose imported referrals were judged bad fits, and clears it when they are re-judged', async () => {
    const { deps, ctx } = env();
    const { brightline } = await setUp(deps, ctx);
    await importReferralText(deps, ctx, fitSheet(['bad', 'bad', 'good']));
    expect((await flaggedPartners(deps, ctx)).items.map((f) => f.partnerId)).toEqual([brightline.id]);
    await importReferralText(deps, ctx, fitSheet(['good', 'good', 'good']));
    expect((await flaggedPartners(deps, ctx)).items).toEqual([]);
  });

  it('clears the flag when an import takes the judgement off bad fits', async () => {
    const { deps, ctx } = env();
    const { brightline } = await setUp(deps, ctx);
    await importReferralText(deps, ctx, fitSheet(['bad', 'bad', 'good']));
    expect((await flaggedPartners(deps, ctx)).items.map((f) => f.partnerId)).toEqual([brightline.id]);
    // Unjudged referrals added later change nothing; un-judging the bad ones clears the flag.
    await importReferralText(deps, ctx, ['partner,lead,date', 'Brightline PR,Later,2026-11-09', ''].join('\n'));
    expect((await flaggedPartners(deps, ctx)).items.map((f) => f.partnerId)).toEqual([brightline.id]);
    await importReferralText(deps, ctx, fitSheet(['', '', 'good']));
    expect((await flaggedPartners(deps, ctx)).items).toEqual([]);
  });

  it('writes one timeline entry per partner per import, counting the outcomes as batches land', async () => {
    const { deps, ctx } = env();
    const { brightline, copyKitchen } = await setUp(deps, ctx);
    const rows = [
      ['Brightline PR', 'won'],
      ['Copy Kitchen', 'lost'],
      ['Copy Kitchen', 'open'],
      ['Brightline PR', 'lost'],
      ['Brightline PR', 'won'],
    ];
    const csv = [
      'partner,lead,date,outcome,value',
      ...rows.map(([p, o], i) => `${p},Lead ${i},2026-11-0${i + 1},${o},${o === 'won' ? 1000 : ''}`),
      '',
    ].join('\n');
    const entries = async (partnerId: string) =>
      (await partnerTimeline(deps, ctx, partnerId)).items
        .filter((a) => a.kind.startsWith('referral.'))
        .map((a) => [a.kind, a.summary, a.data]);

    // Batches of three: Brightline's lone referral of the first batch reads as itself, then
    // the second batch turns that same entry into a count.
    const report = await importReferralText(deps, ctx, csv, { batchSize: 3 });
    expect(report).toMatchObject({ created: 5, rejected: 0 });
    expect(await entries(brightline.id)).toEqual([
      [
        'referral.imported',
        'Imported 3 referrals from a CSV: 2 won, 1 lost',
        { count: 3, outcomes: { won: 2, lost: 1 } },
      ],
    ]);
    expect(await entries(copyKitchen.id)).toEqual([
      [
        'referral.imported',
        'Imported 2 referrals from a CSV: 1 lost, 1 pending',
        { count: 2, outcomes: { lost: 1, pending: 1 } },
      ],
    ]);

    // A later import is a new entry; one that creates nothing adds none.
    await importReferralText(deps, ctx, csv);
    expect(await entries(brightline.id)).toHaveLength(1);
    await importReferralText(deps, ctx, 'partner,lead,date\nBrightline PR,Later,2026-11-20\n');
    expect((await entries(brightline.id)).map((e) => e[1])).toEqual([
      'Referred us Later — imported',
      'Imported 3 referrals from a CSV: 2 won, 1 lost',
    ]);
  });

  it('reads source and direction words, and a partner named in the source column', async () => {
    const { deps, ctx } = env();
    const { brightline } = await setUp(deps, ctx);
    const csv = [
      'Date,Lead,Source,Direction,Outcome,Value,Lost reason',
      '2026-11-01,Iota,website,,open,,',
      '2026-11-02,Kappa,Brightline PR,to them,won,"1,500",',
      '2026-11-03,Lambda,cold,,no,,too expensive',
      '2026-11-04,Mu,outbound,given,,,',
      '2026-11-05,Nu,referral,,,,',
    ].join('\n');
    const report = await importReferralText(deps, ctx, csv);
    expect(report.errors).toEqual([
      {
        line: 5,
        column: 'Source',
        field: 'source',
        message: 'a given referral goes to a partner: expected source partner',
      },
      {
        line: 6,
        column: 'partner',
        field: 'partner',
        message: 'is empty; a partner referral needs its partner (name, e-mail or id)',
      },
    ]);
    const { items } = await listReferralPage(deps, ctx, {});
    const view = items
      .map((r) => [r.leadName, r.source, r.direction, r.partnerId, r.outcome, r.lostReason, r.monthlyValue])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(view).toEqual([
      ['Iota', 'inbound', 'received', null, 'pending', null, null],
      ['Kappa', 'partner', 'given', brightline.id, 'won', null, 150_000],
      ['Lambda', 'cold', 'received', null, 'lost', 'price', null],
    ]);
    // A given referral earns us the partner's flat fee to us.
    const kappa = items.find((r) => r.leadName === 'Kappa')!;
    expect((await showReferral(deps, ctx, kappa.id)).feeLines.map((l) => [l.direction, l.amount])).toEqual([
      ['receivable', 30_000],
    ]);
  });

  it('round-trips: export, then import into an empty workspace after its partners, gives the same referrals', async () => {
    const { deps, ctx } = env();
    await setUp(deps, ctx);
    await importReferralText(deps, ctx, MESSY, { createPartners: true });
    await addReferral(deps, ctx, {
      direction: 'received',
      source: 'inbound',
      leadName: '=HYPERLINK("x")',
      date: '2026-10-01',
    });
    const referrals = await exportReferralText(deps, ctx, {}, true);
    expect(referrals.startsWith('\ufeffId,Direction,Source,Partner,Partner id,Lead,')).toBe(true);
    const rows = csvRows(referrals);
    expect(rows.find((r) => r.Lead === 'Acme Co')).toMatchObject({
      Date: '2026-11-03',
      'Monthly value': '2000.00',
      Currency: 'USD',
      Outcome: 'won',
      Partner: 'Brightline PR',
    });
    expect(rows.find((r) => r.Source === 'inbound')?.Lead).toBe(`'=HYPERLINK("x")`);

    const other = await createWorkspace(deps);
    await importText(deps, other, await exportText(deps, ctx));
    const back = await importReferralText(deps, other, referrals);
    expect(back).toMatchObject({ created: rows.length, rejected: 0, partnersCreated: [] });
    const strip = (csv: string) =>
      csvRows(csv)
        .map(({ Id: _i, 'Partner id': _p, 'Created at': _c, 'Updated at': _u, ...rest }) => rest)
        .sort((a, b) => String(a.Lead).localeCompare(String(b.Lead)));
    expect(strip(await exportReferralText(deps, other))).toEqual(strip(referrals));
    expect((await listFees(deps, other, {})).items).toHaveLength(0);
    expect(await importReferralText(deps, other, referrals)).toMatchObject({ created: 0, unchanged: rows.length });
  });

  it('exports fee lines with plain amounts and the ledger filters', async () => {
    const { deps, ctx } = env();
    await setUp(deps, ctx);
    await importReferralText(deps, ctx, MESSY);
    const rows = csvRows(await exportFeeText(deps, ctx, { asOf: '2027-01-10' }));
    expect(
      rows.map((r) => [r['Due date'], r.Partner, r.Lead, r.Month, r.Amount, r.Currency, r.Status, r.Overdue]),
    ).toEqual([
      ['2026-12-03', 'Brightline PR', 'Acme Co', '1', '200.00', 'USD', 'due', 'yes'],
      ['2027-01-03', 'Brightline PR', 'Acme Co', '2', '200.00', 'USD', 'due', 'yes'],
      ['2027-02-03', 'Brightline PR', 'Acme Co', '3', '200.00', 'USD', 'due', 'no'],
    ]);
    const overdue = csvRows(await exportFeeText(deps, ctx, { asOf: '2027-01-10', status: 'overdue' }));
    expect(overdue).toHaveLength(2);
    await expect(exportFeeText(deps, ctx, { status: 'late' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
