import { describe, expect, it } from 'vitest';
import { describeKind, duplicateKeys, firstName, subtypeError } from './partner.js';

describe('duplicate keys', () => {
  it('treats the same mailbox, profile and site written differently as one', () => {
    const a = duplicateKeys({
      email: ' Dana@Brightline.co ',
      linkedinUrl: 'https://www.linkedin.com/in/dana-w/',
      website: 'https://www.brightline.co/about?x=1',
    });
    const b = duplicateKeys({
      email: 'dana@brightline.co',
      linkedinUrl: 'linkedin.com/in/dana-w',
      website: 'brightline.co',
    });
    expect(a).toEqual(b);
    expect(a).toEqual({
      emailKey: 'dana@brightline.co',
      linkedinKey: 'linkedin.com/in/dana-w',
      websiteKey: 'brightline.co',
    });
  });

  it('keeps the LinkedIn path, so two people are two partners', () => {
    const a = duplicateKeys({ email: null, linkedinUrl: 'linkedin.com/in/a', website: null });
    const b = duplicateKeys({ email: null, linkedinUrl: 'linkedin.com/in/b', website: null });
    expect(a.linkedinKey).not.toEqual(b.linkedinKey);
    expect(a.emailKey).toBeNull();
  });
});

describe('subtypes', () => {
  it('checks agency and complementary subtypes, leaves brands free', () => {
    expect(subtypeError('agency', 'pr')).toBeNull();
    expect(subtypeError('agency', 'coach')).toMatch(/marketing, pr, web, branding, other/);
    expect(subtypeError('complementary', 'coach')).toBeNull();
    expect(subtypeError('brand', 'outdoor gear')).toBeNull();
    expect(subtypeError('agency', null)).toBeNull();
  });
});

describe('firstName', () => {
  it('takes the first word of the contact name', () => {
    expect(firstName('Dana  Whitfield')).toBe('Dana');
    expect(firstName('  ')).toBeNull();
    expect(firstName(null)).toBeNull();
  });
});

describe('describeKind', () => {
  it('names the kind of partner as a person would', () => {
    expect(describeKind('agency', 'pr')).toBe('PR agency');
    expect(describeKind('agency', 'web')).toBe('web agency');
    expect(describeKind('agency', null)).toBe('agency');
    expect(describeKind('complementary', 'copywriter')).toBe('copywriter');
    expect(describeKind('complementary', 'other')).toBe('complementary service');
    expect(describeKind('brand', 'outdoor gear')).toBe('brand (outdoor gear)');
  });
});
