import { describe, expect, it } from 'vitest';
import { localDate, localDateTime, zonedInstant } from './dates.js';

describe('local time', () => {
  it('finds the local day around midnight', () => {
    expect(localDate('2026-11-03T04:59:00Z', 'America/New_York')).toBe('2026-11-02');
    expect(localDate('2026-11-03T05:00:00Z', 'America/New_York')).toBe('2026-11-03');
    expect(localDate('2026-11-24T23:30:00Z', 'Asia/Tokyo')).toBe('2026-11-25');
  });

  it('turns wall-clock times into instants across daylight-saving changes', () => {
    expect(zonedInstant('2026-07-01T15:00', 'Europe/Berlin')).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedInstant('2026-12-01 15:00', 'Europe/Berlin')).toBe('2026-12-01T14:00:00.000Z');
    expect(localDateTime('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30');
  });
});
