import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { followUpRefusal, followUpStatus } from './followup.js';

const base = { followUpOn: null, replyOn: null, minDays: 5, maxDays: 7, noResponseDays: 14 };
const at = (today: string, extra: Partial<Parameters<typeof followUpStatus>[0]> = {}) =>
  followUpStatus({ ...base, firstTouchOn: '2026-11-02', today, ...extra });

describe('followUpStatus', () => {
  it('is not due on day 4, due on days 5 to 7, overdue from day 8', () => {
    expect(at('2026-11-06')).toMatchObject({ state: 'not_due', daysSinceFirstTouch: 4, dueOn: '2026-11-07' });
    expect(at('2026-11-07').state).toBe('due');
    expect(at('2026-11-09')).toMatchObject({ state: 'due', overdueOn: '2026-11-10' });
    expect(at('2026-11-10').state).toBe('overdue');
  });

  it('follows the configured window', () => {
    expect(at('2026-11-05', { minDays: 3, maxDays: 3 }).state).toBe('due');
    expect(at('2026-11-06', { minDays: 3, maxDays: 3 }).state).toBe('overdue');
  });

  it('stops at a reply, even one on the due day', () => {
    expect(at('2026-11-07', { replyOn: '2026-11-07' }).state).toBe('replied');
    expect(at('2026-11-20', { replyOn: '2026-11-07' }).state).toBe('replied');
  });

  it('ignores events dated after the day asked about', () => {
    expect(at('2026-11-07', { replyOn: '2026-11-08' }).state).toBe('due');
    expect(followUpStatus({ ...base, firstTouchOn: '2026-11-02', today: '2026-11-01' }).state).toBe('not_contacted');
  });

  it('waits after the follow-up, then proposes no_response on the configured day', () => {
    const sent = { followUpOn: '2026-11-08' };
    expect(at('2026-11-21', sent)).toMatchObject({ state: 'awaiting_reply', noResponseOn: '2026-11-22' });
    expect(at('2026-11-22', sent).state).toBe('propose_no_response');
    expect(at('2026-11-22', { ...sent, replyOn: '2026-11-20' }).state).toBe('replied');
  });

  it('has nothing to say before the first touch', () => {
    expect(followUpStatus({ ...base, firstTouchOn: null, today: '2026-11-02' }).state).toBe('not_contacted');
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-29', 5)).toBe('2027-01-03');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
  });
});

describe('followUpRefusal', () => {
  const r = { firstTouchOn: '2026-11-02', followUpOn: null, replyOn: null, minDays: 5, maxDays: 7, noResponseDays: 14 };
  it('allows the first follow-up and refuses a second with the reason', () => {
    expect(followUpRefusal({ ...r, on: '2026-11-07' })).toBeNull();
    expect(followUpRefusal({ ...r, followUpOn: '2026-11-07', on: '2026-11-09' })).toMatch(/already sent on 2026-11-07/);
  });
  it('refuses without a first touch, after a reply, or dated before the first touch', () => {
    expect(followUpRefusal({ ...r, firstTouchOn: null, on: '2026-11-07' })).toMatch(/no first message/);
    expect(followUpRefusal({ ...r, replyOn: '2026-11-05', on: '2026-11-07' })).toMatch(/replied on 2026-11-05/);
    expect(followUpRefusal({ ...r, on: '2026-11-01' })).toMatch(/before the first message/);
  });
});
