import { expect, it } from 'vitest';
import {
  archivePartner,
  createPartner,
  editPartner,
  listPartnerPage,
  movePartner,
  partnerTimeline,
  resolvePartner,
} from '../../src/app/partners.js';
import { AppError } from '../../src/domain/errors.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('partners', (env) => {
  it('creates a partner and shows it on its timeline', async () => {
    const { deps, ctx } = env();
    const p = await createPartner(deps, ctx, {
      name: 'Brightline PR',
      type: 'agency',
      subtype: 'pr',
      email: 'Dana@Brightline.co',
      tags: ['B2B', 'warm'],
      nextActionDate: '2026-12-01',
    });
    expect(p).toMatchObject({
      name: 'Brightline PR',
      stage: 'identified',
      tags: ['b2b', 'warm'],
      email: 'Dana@Brightline.co',
      nextActionDate: '2026-12-01',
      createdAt: '2026-11-24T10:00:00.000Z',
      archivedAt: null,
    });
    const timeline = await partnerTimeline(deps, ctx, p.id);
    expect(timeline.items.map((a) => a.kind)).toEqual(['partner.created']);
  });

  it('refuses a duplicate e-mail with the existing id unless forced', async () => {
    const { deps, ctx } = env();
    const first = await createPartner(deps, ctx, { name: 'A', type: 'brand', email: 'x@y.co' });
    const err = await createPartner(deps, ctx, { name: 'B', type: 'brand', email: 'X@Y.CO' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('duplicate');
    expect(err.details.existingId).toBe(first.id);
    const forced = await createPartner(deps, ctx, { name: 'B', type: 'brand', email: 'X@Y.CO' }, { force: true });
    expect(forced.id).not.toBe(first.id);
  });

  it('moves along the stage machine and refuses an illegal move without writing anything', async () => {
    const { deps, ctx } = env();
    const p = await createPartner(deps, ctx, { name: 'Copy Kitchen', type: 'complementary', subtype: 'copywriter' });
    await movePartner(deps, ctx, p.id, { to: 'contacted' });
    const err = await movePartner(deps, ctx, p.id, { to: 'agreement' }).catch((e) => e);
    expect(err.code).toBe('illegal_transition');
    expect(err.details.allowed).toContain('followed_up');
    const timeline = await partnerTimeline(deps, ctx, p.id);
    expect(timeline.items.map((a) => a.summary)).toEqual([
      'Moved from Identified to Contacted',
      'Added as a copywriter at stage Identified',
    ]);
  });

  it('filters, searches and pages through partners with a keyset cursor', async () => {
    const { deps, ctx, clock } = env();
    for (let i = 0; i < 7; i++) {
      clock.advanceDays(1);
      await createPartner(deps, ctx, {
        name: `Partner ${i}`,
        type: i % 2 ? 'agency' : 'brand',
        notes: i === 3 ? 'Met at the 100% growth meetup' : null,
        tags: i < 2 ? ['vip'] : [],
        nextActionDate: i === 5 ? null : `2026-12-${String(10 - i).padStart(2, '0')}`,
      });
    }
    const first = await listPartnerPage(deps, ctx, { sort: 'next_action', limit: 3 });
    expect(first.total).toBe(7);
    expect(first.items.map((p) => p.name)).toEqual(['Partner 6', 'Partner 4', 'Partner 3']);
    const second = await listPartnerPage(deps, ctx, { sort: 'next_action', limit: 3, cursor: first.nextCursor });
    expect(second.items.map((p) => p.name)).toEqual(['Partner 2', 'Partner 1', 'Partner 0']);
    const third = await listPartnerPage(deps, ctx, { sort: 'next_action', limit: 3, cursor: second.nextCursor });
    expect(third.items.map((p) => p.name)).toEqual(['Partner 5']);
    expect(third.nextCursor).toBeNull();

    const agencies = await listPartnerPage(deps, ctx, { type: 'agency', sort: 'name' });
    expect(agencies.items.map((p) => p.name)).toEqual(['Partner 1', 'Partner 3', 'Partner 5']);
    expect((await listPartnerPage(deps, ctx, { q: '100%' })).items.map((p) => p.name)).toEqual(['Partner 3']);
    expect((await listPartnerPage(deps, ctx, { tag: 'VIP' })).total).toBe(2);
  });

  it('archives out of the default list, and edits record which fields changed', async () => {
    const { deps, ctx } = env();
    const p = await createPartner(deps, ctx, { name: 'Ledgerly', type: 'brand' });
    await editPartner(deps, ctx, p.id, { notes: 'Joint webinar first', tags: ['co-marketing'] });
    await archivePartner(deps, ctx, p.id);
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(0);
    expect((await listPartnerPage(deps, ctx, { archived: 'only' })).total).toBe(1);
    const summaries = (await partnerTimeline(deps, ctx, p.id)).items.map((a) => a.summary);
    expect(summaries.slice(0, 2)).toEqual(['Archived', 'Edited notes, tags']);
  });

  it('accepts a closed-list subtype in any case and refuses one from the wrong list', async () => {
    const { deps, ctx } = env();
    const p = await createPartner(deps, ctx, { name: 'Harbor', type: 'agency', subtype: 'PR' });
    expect(p.subtype).toBe('pr');
    await expect(editPartner(deps, ctx, p.id, { subtype: 'Coach' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ field: 'subtype' }] },
    });
    const moved = await editPartner(deps, ctx, p.id, { type: 'complementary', subtype: 'Coach' });
    expect(moved).toMatchObject({ type: 'complementary', subtype: 'coach' });
  });

  it('resolves a partner by id, e-mail or name', async () => {
    const { deps, ctx } = env();
    const p = await createPartner(deps, ctx, { name: 'Atlas Web Works', type: 'agency', email: 'chen@atlas.example' });
    expect((await resolvePartner(deps, ctx, p.id)).id).toBe(p.id);
    expect((await resolvePartner(deps, ctx, 'CHEN@atlas.example')).id).toBe(p.id);
    expect((await resolvePartner(deps, ctx, 'atlas web works')).id).toBe(p.id);
    await expect(resolvePartner(deps, ctx, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });
});
