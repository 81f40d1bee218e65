import type { EventAttributes } from 'ics';
import { describe, expect, it } from 'vitest';
import { writeCalendar } from '../../src/app/calendar.js';
import { parseIcs } from '../helpers/outreach.js';

const START = Date.UTC(2026, 11, 1, 14, 0);
const event = (over: Partial<EventAttributes> = {}): EventAttributes =>
  ({
    uid: `e-${Math.random()}@test`,
    start: START,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 20 },
    title: 'Fit call',
    ...over,
  }) as EventAttributes;

const HOSTILE = ['lone\rCR', 'x\r\nBEGIN:VEVENT\r\nSUMMARY:evil', '# Heading', '<script>alert(1)</script>', 'a;b,c\\d'];

/** Every line of the file as it is on the wire, after the CRLFs that end lines. */
const wireLines = (ics: string) => ics.split('\r\n');

describe('writeCalendar', () => {
  it('writes hostile text as escaped TEXT: no raw CR or LF, one BEGIN:VEVENT per event', () => {
    const { ics, warnings } = writeCalendar(
      HOSTILE.map((t) => event({ title: t, description: `${t}\n${t}` })),
      { productId: 'test', calName: 'Northwind; Social,\r\nX-EVIL:1' },
    );
    expect(warnings).toEqual([]);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(wireLines(ics).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(HOSTILE.length);
    expect(wireLines(ics).filter((l) => /^(X-EVIL|SUMMARY:evil)/.test(l))).toEqual([]);
    expect(wireLines(ics)).toContain('X-WR-CALNAME:Northwind\\; Social\\, X-EVIL:1');
    expect(wireLines(ics).every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const events = parseIcs(ics);
    expect(events.map((e) => e.SUMMARY)).toEqual([
      'lone CR',
      'x BEGIN:VEVENT SUMMARY:evil',
      '# Heading',
      '<script>alert(1)</script>',
      'a;b,c\\d',
    ]);
    expect(events[0]?.DESCRIPTION).toBe('lone\nCR\nlone\nCR');
    expect(events[1]?.DESCRIPTION).toBe('x\nBEGIN:VEVENT\nSUMMARY:evil\nx\nBEGIN:VEVENT\nSUMMARY:evil');
  });

  it('leaves out a link the library would refuse, keeps the event, and says so', () => {
    const { ics, skipped, warnings } = writeCalendar(
      [event({ title: 'Call', url: 'tel:+15551234567', location: 'tel:+15551234567', description: 'Join: tel:+1' })],
      { productId: 'test' },
    );
    expect(skipped).toBe(0);
    expect(warnings).toEqual([
      'Call (2026-12-01 14:00 UTC): meeting link left out of URL and LOCATION, it is not an http(s) address',
    ]);
    const [e] = parseIcs(ics);
    expect(e).toMatchObject({ SUMMARY: 'Call', DESCRIPTION: 'Join: tel:+1' });
    expect(e).not.toHaveProperty('URL');
    expect(e).not.toHaveProperty('LOCATION');
    expect(ics).toContain('X-PARTNERLOOP-SKIPPED:0\r\n');
    expect(ics.replace(/\r\n /g, '')).toContain(
      'X-PARTNERLOOP-WARNING:Call (2026-12-01 14:00 UTC): meeting link left out of URL and LOCATION\\, it is not an http(s) address',
    );
    // Calendar properties come before the first component.
    expect(ics.indexOf('X-PARTNERLOOP-WARNING')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
  });

  it('leaves out an event the library refuses, keeps the rest, and never shows its internals', () => {
    const { ics, skipped, warnings } = writeCalendar(
      [event({ title: 'Broken', start: Number.NaN }), event({ title: 'Fine', url: 'HTTPS://Meet.Example/x' })],
      { productId: 'test' },
    );
    expect(skipped).toBe(1);
    expect(warnings).toEqual(['Broken (NaN): left out of this file, the calendar library could not write it']);
    expect(parseIcs(ics).map((e) => [e.SUMMARY, e.URL])).toEqual([['Fine', 'https://meet.example/x']]);
    expect(ics).toContain('X-PARTNERLOOP-SKIPPED:1\r\n');
    expect(ics).not.toMatch(/must match|\^\(\?:|yup|start must/);
  });

  it('writes an empty calendar with its name, and no warning lines when all is well', () => {
    const { ics } = writeCalendar([], { productId: 'test', calName: 'Partners' });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*X-WR-CALNAME:Partners\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(ics).not.toContain('X-PARTNERLOOP');
  });
});
