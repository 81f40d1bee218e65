import { describe, expect, it } from 'vitest';
import { referralRowFromCells } from './referral.js';
import {
  normaliseDirection,
  normaliseLostReason,
  normaliseMoney,
  normaliseOutcome,
  normaliseSource,
} from './referral-values.js';

describe('referral value normalisers', () => {
  it.each([
    ['$2,000.00', 200_000],
    ['2.000,00 €', 200_000],
    ['2000', 200_000],
    ['2 000', 200_000],
    ['EUR 1500', 150_000],
    ['1,234,567.5', 123_456_750],
    ['2,000', 200_000],
    ['12.5', 1_250],
    ['£99', 9_900],
    ['0', 0],
    ['', null],
  ])('reads money %s as %s minor units', (raw, minor) => {
    expect(normaliseMoney(raw)).toEqual({ value: minor });
  });

  it.each(['-500', '$-20', '-$20', '(50.00)'])('refuses the negative amount %s', (raw) => {
    expect(normaliseMoney(raw)).toEqual({ error: `"${raw}" is negative; expected an amount of 0 or more` });
  });

  it.each(['abc', '1.234.5', '12.345,678', '20 dollars'])('refuses %s as money', (raw) => {
    expect(normaliseMoney(raw)).toHaveProperty('error');
  });

  it('reads outcome, source, direction and lost-reason words', () => {
    expect(
      ['Closed won', 'yes', 'WON', 'lost', 'No', 'open', 'In progress', ''].map((w) => normaliseOutcome(w)),
    ).toEqual([
      { value: 'won' },
      { value: 'won' },
      { value: 'won' },
      { value: 'lost' },
      { value: 'lost' },
      { value: 'pending' },
      { value: 'pending' },
      { value: null },
    ]);
    expect(normaliseOutcome('maybe')).toEqual({
      error: '"maybe" is not an outcome we know; use one of: pending, won, lost',
    });
    expect(normaliseSource('Website')).toEqual({ value: 'inbound' });
    expect(normaliseSource('cold')).toEqual({ value: 'cold' });
    expect(normaliseSource('Outbound')).toEqual({ value: 'cold' });
    expect(normaliseSource('Brightline PR')).toEqual({ partner: 'Brightline PR' });
    expect(['from them', 'In', 'given', 'to them', 'out', ''].map((w) => normaliseDirection(w))).toEqual([
      { value: 'received' },
      { value: 'received' },
      { value: 'given' },
      { value: 'given' },
      { value: 'given' },
      { value: null },
    ]);
    expect(['bad fit', 'budget', 'no_response', 'they went quiet', ''].map(normaliseLostReason)).toEqual([
      'bad_fit',
      'price',
      'no_response',
      'other',
      null,
    ]);
  });

  it('defaults a won row start date to its referral date, and refuses a start before the referral', () => {
    const cells = (start: string) =>
      new Map([
        ['leadName', 'Acme'],
        ['date', '2026-11-03'],
        ['outcome', 'won'],
        ['monthlyValue', '2000'],
        ['startDate', start],
      ]);
    expect(referralRowFromCells(cells(''), 'dmy')).toMatchObject({ row: { startDate: '2026-11-03', source: 'other' } });
    expect(referralRowFromCells(cells('2026-11-01'), 'dmy')).toEqual({
      issues: [{ field: 'startDate', message: 'must not be before the referral date (2026-11-03)' }],
    });
  });
});
