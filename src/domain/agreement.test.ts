import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Agreement, activationIssues, agreementInForce, agreementIssues } from './agreement.js';

const base = {
  feeToThem: { kind: 'none' } as const,
  feeToUs: { kind: 'none' } as const,
  startDate: '2026-01-01',
  reviewDate: null,
  signedDate: null,
  handoffMethod: null,
  handoffInstructions: null,
};

describe('agreement rules', () => {
  it('accepts percent in (0, 100] and months 1–36, and names the bad fields', () => {
    expect(agreementIssues({ ...base, feeToThem: { kind: 'percent', percent: 100, months: 36 } })).toEqual([]);
    const issues = agreementIssues({
      ...base,
      feeToThem: { kind: 'percent', percent: 0, months: 37 },
      feeToUs: { kind: 'flat', amount: -1 },
    });
    expect(issues.map((i) => i.field)).toEqual(['feeToThem.percent', 'feeToThem.months', 'feeToUs.amount']);
    expect(agreementIssues({ ...base, feeToUs: { kind: 'percent', percent: 100.5, months: 1 } })[0]?.field).toBe(
      'feeToUs.percent',
    );
  });

  it('requires a handoff method before activation', () => {
    expect(activationIssues(base).map((i) => i.field)).toEqual(['handoffMethod']);
    expect(activationIssues({ ...base, handoffMethod: 'intro_email' })).toEqual([]);
  });

  it('finds the agreement in force on a date', () => {
    const a = (id: string, status: Agreement['status'], startDate: string | null, endDate: string | null) => ({
      id,
      status,
      startDate,
      endDate,
    });
    const list = [
      a('1', 'ended', '2026-01-01', '2026-06-01'),
      a('2', 'active', '2026-06-01', null),
      a('3', 'proposed', '2026-01-01', null),
    ];
    expect(agreementInForce(list, '2025-12-31')).toBeUndefined();
    expect(agreementInForce(list, '2026-01-01')?.id).toBe('1');
    expect(agreementInForce(list, '2026-05-31')?.id).toBe('1');
    expect(agreementInForce(list, '2026-06-01')?.id).toBe('2');
    expect(agreementInForce(list, '2030-01-01')?.id).toBe('2');
  });
});

describe('agreement in force, property', () => {
  it('is the last activation on or before the date, when each activation ends the previous one', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 8 }), day, (starts, date) => {
        const sorted = [...starts].sort();
        const list = sorted.map((startDate, i) => ({
          id: `a${i}`,
          status: (i === sorted.length - 1 ? 'active' : 'ended') as Agreement['status'],
          startDate,
          endDate: sorted[i + 1] ?? null,
        }));
        const expected = sorted.filter((s) => s <= date).at(-1);
        expect(agreementInForce(list, date)?.startDate).toBe(expected);
      }),
    );
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
