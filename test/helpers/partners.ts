import type { Ctx, Deps } from '../../src/app/context.js';
import { createPartner, movePartner } from '../../src/app/partners.js';

/** A partner that has had its call, so an agreement can be activated. */
export async function partnerAfterCall(deps: Deps, ctx: Ctx, name = 'Brightline PR') {
  const p = await createPartner(deps, ctx, { name, type: 'agency', subtype: 'pr', audience: 'B2B SaaS founders' });
  for (const to of ['contacted', 'replied', 'call_booked', 'call_done']) await movePartner(deps, ctx, p.id, { to });
  return p;
}
