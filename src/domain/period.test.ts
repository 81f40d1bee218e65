import { describe, expect, it } from 'vitest';
import { localDate, zonedInstant } from './dates.js';
import { currentPeriod, previousPeriod, resolvePeriod } from './period.js';

describe('review periods', () => {
  it('resolves an ISO week to Monday–Sunday, bounded at local midnight', () => {
    const p = resolvePeriod({ week: '2026-W48' }, 'America/New_York');
    expect(p).toMatchObject({ from: '2026-11-23', to: '2026-11-29', days: 7 });
    expect(p.startsAt).toBe('2026-11-23T05:00:00.000Z');
    expect(p.endsAt).toBe('2026-11-30T05:00:00.000Z');
  });

  it('handles week 1 that starts in the previous year, and refuses week 53 of a 52-week year', () => {
    expect(resolvePeriod({ week: '2026-W01' }, 'UTC').from).toBe('2025-12-29');
    expect(() => resolvePeriod({ week: '2025-W53' }, 'UTC')).toThrow(/no such week/);
    expect(resolvePeriod({ week: '2026-W53' }, 'UTC').from).toBe('2026-12-28');
  });

  it('resolves a month, across a daylight-saving change', () => {
    const p = resolvePeriod({ month: '2026-03' }, 'Europe/Berlin');
    expect(p).toMatchObject({ from: '2026-03-01', to: '2026-03-31', days: 31 });
    expect(p.startsAt).toBe('2026-02-28T23:00:00.000Z');
    expect(p.endsAt).toBe('2026-03-31T22:00:00.000Z');
    expect(resolvePeriod({ month: '2028-02' }, 'UTC').to).toBe('2028-02-29');
  });

  it('refuses malformed input naming the field', () => {
    expect(() => resolvePeriod({ month: '2026-13' }, 'UTC')).toThrow(/month/);
    expect(() => resolvePeriod({ from: '2026-11-10', to: '2026-11-01' }, 'UTC')).toThrow(/to: must not be before/);
  });

  it('finds the current and previous periods', () => {
    expect(currentPeriod('weekly', '2026-11-24', 'UTC').label).toBe('2026-W48');
    expect(currentPeriod('monthly', '2026-11-24', 'UTC').label).toBe('2026-11');
    expect(previousPeriod(resolvePeriod({ month: '2026-01' }, 'UTC'), 'UTC').label).toBe('2025-12');
    expect(previousPeriod(resolvePeriod({ week: '2026-W01' }, 'UTC'), 'UTC').label).toBe('2025-W52');
  });

  it('converts between instants and local dates around midnight', () => {
    expect(localDate('2026-11-24T04:30:00Z', 'America/New_York')).toBe('2026-11-23');
    expect(localDate('2026-11-24T05:30:00Z', 'America/New_York')).toBe('2026-11-24');
    expect(zonedInstant('2026-11-24', 'Asia/Tokyo')).toBe('2026-11-23T15:00:00.000Z');
  });
});
