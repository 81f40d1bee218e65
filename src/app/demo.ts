import { AppError } from '../domain/errors.js';
import { DEFAULT_PROFILE } from '../domain/profile.js';
import type { Ctx, Deps } from './context.js';
import { DEMO_PARTNERS, DEMO_PROFILE } from './demo-data.js';
import { createPartner, listPartnerPage, movePartner } from './partners.js';
import { setProfile, showProfile } from './profile.js';

const DAY = 86_400_000;

/** Fills an empty workspace with the sample, its timelines dated as if it happened. */
export async function loadDemo(deps: Deps, ctx: Ctx): Promise<{ partners: number }> {
  const existing = await listPartnerPage(deps, ctx, { limit: 1, archived: 'include' });
  if (existing.total > 0) {
    throw new AppError('conflict', 'The sample data is for an empty workspace; this one already has partners', {
      partners: existing.total,
    });
  }
  const profile = await showProfile(deps, ctx);
  const unset = Object.fromEntries(
    Object.entries(DEMO_PROFILE).filter(([key]) => {
      const current = profile[key as keyof typeof profile];
      return current === null || current === DEFAULT_PROFILE[key as keyof typeof DEFAULT_PROFILE];
    }),
  );
  await setProfile(deps, ctx, unset);

  const today = deps.clock().getTime();
  for (const p of DEMO_PARTNERS) {
    const start = today - p.startedDaysAgo * DAY;
    const at = (offset: number) => ({ ...deps, clock: () => new Date(start + offset) });
    const { path, startedDaysAgo: _s, nextActionInDays, ...fields } = p;
    const nextActionDate =
      nextActionInDays === undefined ? null : new Date(today + nextActionInDays * DAY).toISOString().slice(0, 10);
    const created = await createPartner(at(9 * 3_600_000), ctx, { ...fields, nextActionDate });
    // Spread the moves over the days since it was identified, each at a plausible hour.
    const step = (p.startedDaysAgo * DAY) / (path.length + 1);
    for (const [i, to] of path.entries()) {
      await movePartner(at(Math.round(step * (i + 1)) + 10 * 3_600_000), ctx, created.id, { to });
    }
  }
  return { partners: DEMO_PARTNERS.length };
}
