import { describe, expect, it } from 'vitest';
import { badFitFlag } from './escalation.js';
import { reciprocity } from './reciprocity.js';

const r = (id: string, date: string, fit: 'good' | 'bad' | null, direction: 'received' | 'given' = 'received') => ({
  id,
  date,
  fit,
  direction,
});

describe('bad-fit escalation', () => {
  it('flags 2 bad fits among the last 3 judged received referrals', () => {
    expect(
      badFitFlag([r('a', '2026-01-01', 'bad'), r('b', '2026-01-02', 'bad'), r('c', '2026-01-03', 'good')]),
    ).toMatchObject({ flagged: true, badCount: 2, judged: ['c', 'b', 'a'] });
  });

  it('ignores unjudged and given referrals, and older judgements outside the window', () => {
    const list = [
      r('old1', '2025-01-01', 'bad'),
      r('old2', '2025-01-02', 'bad'),
      r('g', '2026-02-01', 'bad', 'given'),
      r('x', '2026-02-02', null),
      r('n1', '2026-01-01', 'good'),
      r('n2', '2026-01-02', 'good'),
      r('n3', '2026-01-03', 'bad'),
    ];
    expect(badFitFlag(list)).toMatchObject({ flagged: false, badCount: 1, judged: ['n3', 'n2', 'n1'] });
    expect(badFitFlag(list, { threshold: 2, window: 5 }).flagged).toBe(true);
    expect(badFitFlag(list, { threshold: 1, window: 3 }).flagged).toBe(true);
  });
});

describe('reciprocity', () => {
  it('counts both ways and the balance', () => {
    const rec = reciprocity([
      { direction: 'received', outcome: 'won', monthlyValue: 200_000 },
      { direction: 'received', outcome: 'lost', monthlyValue: null },
      { direction: 'given', outcome: 'won', monthlyValue: 50_000 },
    ]);
    expect(rec).toEqual({
      received: { count: 2, won: 1, wonMonthlyValue: 200_000 },
      given: { count: 1, won: 1, wonMonthlyValue: 50_000 },
      balance: 1,
      valueBalance: 150_000,
    });
  });
});
