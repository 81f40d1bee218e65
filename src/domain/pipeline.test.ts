import { describe, expect, it } from 'vitest';
import { pipelineFigures, type StageEvent } from './pipeline.js';
import { STAGES } from './stage.js';
import { median } from './stats.js';

const ev = (partnerId: string, to: StageEvent['to'], day: number): StageEvent => ({
  partnerId,
  to,
  at: new Date(Date.UTC(2026, 10, day, 12)).toISOString(),
});

describe('pipeline figures', () => {
  const start = '2026-11-01T00:00:00.000Z';
  const end = '2026-12-01T00:00:00.000Z';

  it('counts partners entering each stage inside the period only', () => {
    const events = [
      { ...ev('a', 'identified', 1), at: '2026-10-31T23:59:59.999Z' },
      ev('a', 'contacted', 2),
      ev('b', 'identified', 3),
      ev('b', 'contacted', 4),
      ev('b', 'followed_up', 10),
      { ...ev('c', 'contacted', 1), at: end },
    ];
    const f = pipelineFigures(events, start, end, STAGES);
    expect(f.entered.identified).toBe(1);
    expect(f.entered.contacted).toBe(2);
    expect(f.entered.followed_up).toBe(1);
    expect(f.entered.agreement).toBe(0);
  });

  it('follows each step’s cohort to the next step, counting a skipped step as advancing', () => {
    const events = [
      ev('a', 'contacted', 2),
      ev('a', 'replied', 5),
      ev('b', 'contacted', 3),
      ev('b', 'call_booked', 10),
      ev('c', 'contacted', 4),
    ];
    const step = pipelineFigures(events, start, end, STAGES).funnel.find((s) => s.from === 'contacted')!;
    expect(step).toEqual({
      from: 'contacted',
      to: 'replied',
      entered: 3,
      advanced: 2,
      conversion: 2 / 3,
      medianDays: 5,
    });
  });

  it('has no conversion when nobody entered a step', () => {
    const step = pipelineFigures([], start, end, STAGES).funnel[0]!;
    expect(step).toMatchObject({ entered: 0, conversion: null, medianDays: null });
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
