import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import type { Partner } from './partner.js';
import { DEFAULT_PROFILE } from './profile.js';
import { convertBrackets, mergeValues, parseTemplate, render, templateIssues } from './template.js';

const partner: Partner = {
  id: 'p1',
  name: 'Brightline PR',
  company: null,
  contactName: 'Dana Whitfield',
  email: 'dana@brightline.example',
  linkedinUrl: null,
  website: null,
  type: 'agency',
  subtype: 'pr',
  audience: 'consumer brands launching products',
  stage: 'identified',
  owner: null,
  tags: [],
  notes: null,
  nextAction: null,
  nextActionDate: null,
  archivedAt: null,
  createdAt: '2026-11-24T10:00:00Z',
  updatedAt: '2026-11-24T10:00:00Z',
};
const profile = { ...DEFAULT_PROFILE, name: 'Northwind Social', idealClient: 'DTC skincare brands', senderName: 'Sam' };

describe('parseTemplate', () => {
  it('finds fields with or without inner spaces', () => {
    const p = parseTemplate('Hi {{partner.first_name}}, from {{ agency.name }}');
    expect(p.issues).toEqual([]);
    expect(p.fields).toEqual(['partner.first_name', 'agency.name']);
  });

  it('names an unknown field and its line and column', () => {
    const [issue] = parseTemplate('Hello\n  {{partner.nickname}}').issues;
    expect(issue).toMatchObject({ token: 'partner.nickname', line: 2, column: 3, offset: 8 });
    expect(issue?.message).toMatch(/unknown merge field/);
  });

  it('reports broken syntax: unclosed, stray closing, empty, malformed', () => {
    const issues = parseTemplate('a {{agency.name b }} c {{}} d {{Agency Name}} {{partner.name').issues;
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/not a merge field name/),
      expect.stringMatching(/empty merge field/),
      expect.stringMatching(/not a merge field name/),
      expect.stringMatching(/never closed/),
    ]);
    expect(parseTemplate('x }} y').issues[0]).toMatchObject({ token: '}}', column: 3 });
  });

  it('turns issues into field errors naming subject or body', () => {
    expect(templateIssues({ subject: 'Hi {{who}}', body: 'ok' })).toEqual([
      { field: 'subject', message: expect.stringMatching(/^"who" at line 1, column 4/) },
    ]);
  });
});

describe('render', () => {
  it('fills every field and reports the empty ones, keeping their placeholder', () => {
    const values = mergeValues(partner, profile);
    const r = render(
      'Hi {{partner.first_name}} of {{partner.company}} ({{partner.type}}): {{agency.calendar_link}}',
      values,
    );
    expect(r.text).toBe('Hi Dana of Brightline PR (PR agency): {{agency.calendar_link}}');
    expect(r.missing).toEqual(['agency.calendar_link']);
  });

  it('leaves the default templates with only the profile blanks for a complete partner', () => {
    const values = mergeValues(partner, {
      ...profile,
      positioning: 'Social for skincare',
      calendarLink: 'https://cal.example/x',
      servicesOffered: 'TikTok',
    });
    for (const t of DEFAULT_TEMPLATES) {
      expect(parseTemplate(t.body).issues).toEqual([]);
      expect(render(t.body, values).missing).toEqual([]);
    }
  });
});

describe('convertBrackets', () => {
  it("converts the guide's placeholders and leaves other brackets and links alone", () => {
    const out = convertBrackets(
      'Hi [Name], [Agency] helps [ideal client]. You serve [their clients]. [Your name] [TBD] [site](https://x.example)',
    );
    expect(out.text).toBe(
      'Hi {{partner.first_name}}, {{agency.name}} helps {{agency.ideal_client}}. You serve {{partner.their_clients}}. {{sender.name}} [TBD] [site](https://x.example)',
    );
    expect(out.unknown).toEqual(['[TBD]']);
    expect(out.converted).toHaveLength(5);
  });
});
