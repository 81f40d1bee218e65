import { describe, expect, it } from 'vitest';
import { type ChecklistFacts, checklist } from './checklist.js';

const empty: ChecklistFacts = {
  partnersIdentified: 0,
  partnerTarget: 10,
  templateDrafted: false,
  messagesSent: 0,
  activeAgreements: 0,
  agreementsWithHandoff: 0,
  referralsLogged: 0,
  lastReviewOn: null,
  cadence: 'weekly',
  today: '2026-11-24',
};

describe('the playbook checklist', () => {
  it('starts with listing partners', () => {
    const c = checklist(empty);
    expect(c.done).toBe(0);
    expect(c.total).toBe(7);
    expect(c.next?.key).toBe('partners_identified');
    expect(c.items[0]?.progress).toEqual({ current: 0, target: 10 });
  });

  it('ticks each item from the facts and names the next one', () => {
    const c = checklist({ ...empty, partnersIdentified: 6, templateDrafted: true, messagesSent: 4 });
    expect(c.items.map((i) => i.done)).toEqual([true, true, false, false, false, false, false]);
    expect(c.next?.key).toBe('messages_sent');
  });

  it('needs a handoff on every active agreement', () => {
    const facts = { ...empty, activeAgreements: 2, agreementsWithHandoff: 1 };
    expect(checklist(facts).items.find((i) => i.key === 'handoff_defined')?.done).toBe(false);
    expect(checklist({ ...facts, agreementsWithHandoff: 2 }).items.find((i) => i.key === 'handoff_defined')?.done).toBe(
      true,
    );
  });

  it('counts a review as current within the cadence', () => {
    const reviewed = (lastReviewOn: string, cadence: 'weekly' | 'monthly') =>
      checklist({ ...empty, lastReviewOn, cadence }).items.find((i) => i.key === 'reviewed')?.done;
    expect(reviewed('2026-11-18', 'weekly')).toBe(true);
    expect(reviewed('2026-11-17', 'weekly')).toBe(false);
    expect(reviewed('2026-10-25', 'monthly')).toBe(true);
    expect(reviewed('2026-10-24', 'monthly')).toBe(false);
  });

  it('has nothing next once everything is done', () => {
    const c = checklist({
      ...empty,
      partnersIdentified: 10,
      templateDrafted: true,
      messagesSent: 10,
      activeAgreements: 1,
      agreementsWithHandoff: 1,
      referralsLogged: 3,
      lastReviewOn: '2026-11-24',
    });
    expect(c.done).toBe(7);
    expect(c.next).toBeNull();
  });
});
