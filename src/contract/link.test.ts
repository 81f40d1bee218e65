import { createEvent } from 'ics';
import { describe, expect, it } from 'vitest';
import { parseInput } from './common.js';
import { normaliseLink } from './link.js';
import { CallBookSchema } from './outreach.js';
import { PartnerCreateSchema } from './partner.js';
import { ProfilePatchSchema } from './profile.js';

const REFUSED = [
  'tel:+15551234567',
  'mailto:dana@example.com',
  'skype:dana.w?call',
  'javascript:alert(1)',
  'JavaScript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://files.example.com/x',
  'https://[::1]/x',
  'https://meet.example/a b',
  'https://meet.example/a\tb',
  'https://meet.example\\evil.example',
  'Bcc: victim@evil.example',
  'https://',
  'https:///path',
  '//meet.example/abc',
  'meet.example/abc',
  'https://meet.example:8/x',
];

describe('normaliseLink', () => {
  it('refuses everything that is not an absolute http(s) address the ics library writes', () => {
    for (const raw of REFUSED) expect(normaliseLink(raw), raw).toBeNull();
  });

  it('keeps http(s) addresses, lower-casing only the scheme and host', () => {
    expect(normaliseLink('https://meet.example/abc')).toBe('https://meet.example/abc');
    expect(normaliseLink('  HTTPS://Meet.Example/Room/ABC?pwd=XyZ#Top ')).toBe(
      'https://meet.example/Room/ABC?pwd=XyZ#Top',
    );
    expect(normaliseLink('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
    expect(normaliseLink('https://Dana@Cal.example/15min')).toBe('https://Dana@cal.example/15min');
    expect(normaliseLink('https://bücher.example/')).toBe('https://bücher.example/');
  });

  it('reads a bare host as https only when asked to', () => {
    expect(normaliseLink('example.com')).toBeNull();
    expect(normaliseLink('example.com', { assumeHttps: true })).toBe('https://example.com');
    expect(normaliseLink('www.LinkedIn.com/in/Dana', { assumeHttps: true })).toBe('https://www.linkedin.com/in/Dana');
    expect(normaliseLink('Bcc: victim@evil.example', { assumeHttps: true })).toBeNull();
    expect(normaliseLink('javascript:alert(1)', { assumeHttps: true })).toBeNull();
  });

  it('accepts only what the library then writes as an event URL', () => {
    const samples = [...REFUSED, 'https://meet.example/abc', 'HTTPS://Meet.Example/x', 'http://localhost:3000/a'];
    for (const raw of samples) {
      const url = normaliseLink(raw);
      if (url !== null) expect(createEvent({ start: 0, duration: { minutes: 20 }, url }).error, raw).toBeNull();
    }
  });
});

describe('link fields', () => {
  it('names the field and shows an example', () => {
    expect(() => parseInput(CallBookSchema, { at: '2026-12-01T10:00', link: 'tel:+15551234567' })).toThrow(
      'link: expected an http(s) address such as https://meet.example/abc',
    );
    expect(() => parseInput(ProfilePatchSchema, { calendarLink: 'Bcc: victim@evil.example' })).toThrow(
      'calendarLink: expected an http(s) address such as https://cal.com/you/15min',
    );
    expect(() => parseInput(PartnerCreateSchema, { name: 'A', type: 'brand', website: 'javascript:alert(1)' })).toThrow(
      'website: expected an http(s) address such as https://example.com',
    );
  });

  it('clears with an empty string or null, and stores the normalised address', () => {
    expect(parseInput(ProfilePatchSchema, { calendarLink: '' }).calendarLink).toBeNull();
    expect(parseInput(ProfilePatchSchema, { calendarLink: null }).calendarLink).toBeNull();
    expect(parseInput(CallBookSchema, { at: '2026-12-01T10:00', link: 'HTTPS://Meet.Example/x' }).link).toBe(
      'https://meet.example/x',
    );
    const partner = parseInput(PartnerCreateSchema, {
      name: 'A',
      type: 'brand',
      website: 'a.example',
      linkedinUrl: '',
    });
    expect([partner.website, partner.linkedinUrl]).toEqual(['https://a.example', null]);
  });
});
