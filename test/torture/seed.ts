import { activateAgreement, addAgreement, disputeTerm } from '../../src/app/agreements.js';
import { bookCall } from '../../src/app/calls.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { listFees } from '../../src/app/fees.js';
import { recordReply, sendMessage } from '../../src/app/outreach.js';
import { archivePartner, createPartner, editPartner } from '../../src/app/partners.js';
import { addReferral, judgeFit, markLost, markWon } from '../../src/app/referrals.js';
import { saveReview } from '../../src/app/review.js';
import { addTemplate } from '../../src/app/templates.js';
import { readyToWrite } from '../helpers/outreach.js';
import { partnerAfterCall } from '../helpers/partners.js';

export interface SeededIds {
  partner: string[];
  template: string[];
  call: string[];
  agreement: string[];
  referral: string[];
  fee: string[];
  review: string[];
  message: string[];
}

/**
 * A small workspace with a record of every kind in a state worth poking: a partner mid-outreach
 * with a sent message, a reply and a booked call; one with an active agreement, a won referral
 * and its fee lines (one paid); a lost bad-fit referral; a saved review; an archived partner.
 */
export async function seedWorkspace(deps: Deps, ctx: Ctx): Promise<SeededIds> {
  const first = await readyToWrite(deps, ctx);
  const message = await sendMessage(deps, ctx, first.id, { channel: 'manual' });
  await recordReply(deps, ctx, first.id, { answer: 'interested', note: 'Keen — "next week"\nworks' });
  const call = await bookCall(deps, ctx, first.id, {
    at: '2026-11-27T14:30',
    minutes: 20,
    link: 'https://meet.example/sam?room=1&x=a,b;c',
    agenda: 'Fit call: their clients; ours',
  });
  const second = await partnerAfterCall(deps, ctx, 'Copy Kitchen');
  await editPartner(deps, ctx, second.id, { tags: ['vip', 'warm'], notes: 'Ünïcode notes ✓' });
  const agreement = await addAgreement(deps, ctx, second.id, {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    feeToUs: { kind: 'flat', amount: 25_000 },
    handoffMethod: 'intro_email',
    startDate: '2026-09-01',
  });
  await activateAgreement(deps, ctx, agreement.id, {});
  await disputeTerm(deps, ctx, agreement.id, { term: 'exclusivity', note: 'They asked for a year' });
  const won = await addReferral(deps, ctx, {
    leadName: 'Acme Skincare',
    direction: 'received',
    partnerId: second.id,
    date: '2026-10-02',
  });
  await markWon(deps, ctx, won.id, { monthlyValue: 400_000, startDate: '2026-10-15' });
  const lost = await addReferral(deps, ctx, {
    leadName: 'Not a fit Ltd',
    direction: 'received',
    partnerId: second.id,
    date: '2026-10-20',
  });
  await markLost(deps, ctx, lost.id, { reason: 'bad_fit', note: 'B2B only' });
  const given = await addReferral(deps, ctx, { leadName: 'Given Co', direction: 'given', partnerId: second.id });
  await judgeFit(deps, ctx, given.id, { fit: 'good' });
  const inbound = await addReferral(deps, ctx, { leadName: 'Inbound Inc', direction: 'received', source: 'inbound' });
  const fees = await listFees(deps, ctx, {});
  const template = await addTemplate(deps, ctx, {
    name: 'Warm intro',
    kind: 'other',
    body: 'Hi {{partner.first_name}}, {{agency.name}} here.',
  });
  const review = await saveReview(deps, ctx, { month: '2026-10', notes: 'A good month' });
  const archived = await createPartner(deps, ctx, {
    name: 'Dormant Studio',
    type: 'complementary',
    subtype: 'designer',
  });
  await archivePartner(deps, ctx, archived.id);
  // Records at the start of their flows, so valid inputs can take the next step: a partner not
  // yet contacted (outreach), a proposed agreement (activation).
  const fresh = await createPartner(deps, ctx, {
    name: 'Fresh Lead Co',
    type: 'agency',
    subtype: 'web',
    contactName: 'Robin Vale',
    email: 'robin@fresh.example',
    audience: 'founders of small studios',
  });
  const proposed = await addAgreement(deps, ctx, fresh.id, { feeToThem: { kind: 'flat', amount: 50_000 } });
  return {
    partner: [first.id, second.id, archived.id, fresh.id],
    template: [template.id],
    call: [call.id],
    agreement: [agreement.id, proposed.id],
    referral: [won.id, lost.id, given.id, inbound.id],
    fee: fees.items.map((f) => f.id),
    review: [review.id],
    message: [message.id],
  };
}
