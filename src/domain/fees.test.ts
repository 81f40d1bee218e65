import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeTerms } from './agreement.js';
import { addMonths } from './dates.js';
import { deriveFeeLines, type FeeLineStatus, percentTotal, reconcileFeeLines, splitEvenly } from './fees.js';

const percent: FeeTerms = { kind: 'percent', percent: 10, months: 3 };

describe('fee derivation', () => {
  it('gives three lines of 200.00 for 10% of 2,000.00 over 3 months, due monthly', () => {
    expect(deriveFeeLines(percent, { monthlyValue: 200_000, startDate: '2026-01-15', endDate: null })).toEqual([
      { seq: 1, dueDate: '2026-02-15', amount: 20_000 },
      { seq: 2, dueDate: '2026-03-15', amount: 20_000 },
      { seq: 3, dueDate: '2026-04-15', amount: 20_000 },
    ]);
  });

  it('clamps due dates to the end of shorter months', () => {
    const lines = deriveFeeLines(percent, { monthlyValue: 100, startDate: '2026-01-31', endDate: null });
    expect(lines.map((l) => l.dueDate)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
  });

  it('rounds half up on the total and gives the remainder cents to the first lines', () => {
    // 12.5% of 333.33 × 3 = 124.99875 → 125.00, split 41.67 + 41.67 + 41.66
    expect(percentTotal(33_333, 12.5, 3)).toBe(12_500);
    const lines = deriveFeeLines(
      { kind: 'percent', percent: 12.5, months: 3 },
      {
        monthlyValue: 33_333,
        startDate: '2026-01-01',
        endDate: null,
      },
    );
    expect(lines.map((l) => l.amount)).toEqual([4_167, 4_167, 4_166]);
    expect(percentTotal(1, 50, 1)).toBe(1); // 0.5 rounds up
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
  });

  it('yields one line for flat terms and none for reciprocal ones', () => {
    const client = { monthlyValue: 500_000, startDate: '2026-03-01', endDate: null };
    expect(deriveFeeLines({ kind: 'flat', amount: 50_000 }, client)).toEqual([
      { seq: 1, dueDate: '2026-04-01', amount: 50_000 },
    ]);
    expect(deriveFeeLines({ kind: 'none' }, client)).toEqual([]);
  });

  it('drops the months that begin after a client ends, keeping earlier amounts', () => {
    const full = deriveFeeLines(
      { kind: 'percent', percent: 10, months: 6 },
      {
        monthlyValue: 100_001,
        startDate: '2026-01-10',
        endDate: null,
      },
    );
    const ended = deriveFeeLines(
      { kind: 'percent', percent: 10, months: 6 },
      {
        monthlyValue: 100_001,
        startDate: '2026-01-10',
        endDate: '2026-03-10',
      },
    );
    expect(ended).toEqual(full.slice(0, 2));
  });

  it('property: the lines sum exactly to the rounded total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 36 }),
        (value, hundredths, months) => {
          const pct = hundredths / 100;
          const lines = deriveFeeLines(
            { kind: 'percent', percent: pct, months },
            {
              monthlyValue: value,
              startDate: '2026-01-31',
              endDate: null,
            },
          );
          expect(lines).toHaveLength(months);
          const sum = lines.reduce((s, l) => s + l.amount, 0);
          expect(sum).toBe(percentTotal(value, pct, months));
          expect(Math.abs(sum - (value * hundredths * months) / 10_000)).toBeLessThanOrEqual(0.5);
          const amounts = lines.map((l) => l.amount);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          expect(amounts.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
        },
      ),
    );
  });

  it('property: recomputing never changes or drops a paid line', () => {
    const line = fc.record({
      seq: fc.integer({ min: 1, max: 36 }),
      amount: fc.integer({ min: 0, max: 1_000_000 }),
      status: fc.constantFrom<FeeLineStatus>('due', 'paid'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { selector: (l) => l.seq, maxLength: 36 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        (existing, value, months) => {
          const derived = deriveFeeLines(
            { kind: 'percent', percent: 7.5, months },
            {
              monthlyValue: value,
              startDate: '2026-05-31',
              endDate: null,
            },
          );
          const r = reconcileFeeLines(existing, derived);
          const paid = existing.filter((l) => l.status === 'paid');
          expect(r.keep).toEqual(paid);
          expect(r.remove.every((l) => l.status === 'due')).toBe(true);
          const seqs = [...r.keep.map((l) => l.seq), ...r.add.map((l) => l.seq)];
          expect(new Set(seqs).size).toBe(seqs.length);
        },
      ),
    );
  });
});
