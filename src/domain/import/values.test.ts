import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../csv-safety.js';
import { mapColumns } from './fields.js';
import { PARTNER_IMPORT_FIELDS } from './partner.js';
import { remembered } from './remembered.js';
import { normaliseDate, normaliseStage, normaliseType, unneutralise } from './values.js';

describe('normaliseDate', () => {
  it.each([
    ['2026-11-24', '2026-11-24'],
    ['2026/1/5', '2026-01-05'],
    ['24/11/2026', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['24-11-26', '2026-11-24'],
    ['24 Nov 2026', '2026-11-24'],
    ['November 24, 2026', '2026-11-24'],
    ['3rd December 2026', '2026-12-03'],
    ['2026-11-24T10:00:00Z', '2026-11-24'],
    ['29/02/2028', '2028-02-29'],
    ['', null],
  ])('reads %j as %j', (raw, expected) => {
    expect(normaliseDate(raw)).toEqual({ value: expected });
  });

  it('lets the caller choose how to read a day and month that could swap', () => {
    expect(normaliseDate('03/04/2026', 'dmy')).toEqual({ value: '2026-04-03' });
    expect(normaliseDate('03/04/2026', 'mdy')).toEqual({ value: '2026-03-04' });
    expect(normaliseDate('12/31/2026', 'dmy')).toEqual({ value: '2026-12-31' });
  });

  it.each(['31/02/2026', '29/02/2026', '2026-13-01', '00/01/2026', 'soon', '2026-11'])('refuses %j', (raw) => {
    expect(normaliseDate(raw)).toHaveProperty('error');
  });
});

describe('stage and type words', () => {
  it.each([
    ['call done', 'call_done'],
    ['Call_Done', 'call_done'],
    ['Contacted', 'contacted'],
    ['agreement yes', 'agreement'],
    ['Agreement: no', 'declined'],
    ['No reply', 'no_response'],
    ['Followed up', 'followed_up'],
  ])('reads stage %j as %s', (raw, stage) => {
    expect(normaliseStage(raw)).toEqual({ value: stage });
  });

  it('refuses a stage word it does not know', () => {
    expect(normaliseStage('maybe')).toHaveProperty('error');
  });

  it.each([
    ['PR agency', { type: 'agency', subtype: 'pr' }],
    ['Web design studio', { type: 'agency', subtype: 'web' }],
    ['agency', { type: 'agency', subtype: null }],
    ['Copywriters', { type: 'complementary', subtype: 'copywriter' }],
    ['SaaS', { type: 'brand', subtype: null }],
  ])('reads type %j', (raw, value) => {
    expect(normaliseType(raw)).toEqual({ value });
  });
});

describe('formula neutralisation', () => {
  it.each(['=1+1', '+44 20', '-5', '@sum', '\tx', '\rx'])(
    'prefixes %j with an apostrophe, and import undoes it',
    (cell) => {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
      expect(unneutralise(neutraliseCell(cell))).toBe(cell);
    },
  );

  it('leaves ordinary text alone, including an apostrophe of its own', () => {
    expect(neutraliseCell('Brightline PR')).toBe('Brightline PR');
    expect(neutraliseCell("'quoted")).toBe("'quoted");
    expect(unneutralise("'quoted")).toBe("'quoted");
  });
});

describe('mapColumns', () => {
  it('guesses from common headers and reports repeats', () => {
    const result = mapColumns(
      ['Partner', 'E-mail address', 'LinkedIn URL', 'Status', 'e-mail', 'Colour'],
      PARTNER_IMPORT_FIELDS,
      {},
    );
    expect('mapping' in result && [...result.mapping.columns]).toEqual([
      [0, 'name'],
      [1, 'email'],
      [2, 'linkedinUrl'],
      [3, 'stage'],
    ]);
    expect('mapping' in result && result.mapping.ignored).toEqual(['e-mail', 'Colour']);
    expect('mapping' in result && result.mapping.warnings).toEqual([
      'column 5 "e-mail" and column "E-mail address" both hold email; "e-mail" is ignored',
    ]);
  });
});

describe('remembered normalisers', () => {
  it('answers a repeated cell as the first time, per date order, and starts afresh past its bound', () => {
    let reads = 0;
    const upper = remembered((raw) => {
      reads += 1;
      return { value: raw.toUpperCase() };
    }, 2);
    expect([upper('a'), upper('a'), upper('b')].map((r) => r.value)).toEqual(['A', 'A', 'B']);
    expect(reads).toBe(2);
    upper('c');
    upper('a');
    expect(reads).toBe(4);
    expect(normaliseDate('03/04/2026', 'dmy')).toEqual({ value: '2026-04-03' });
    expect(normaliseDate('03/04/2026', 'mdy')).toEqual({ value: '2026-03-04' });
    expect(normaliseDate('03/04/2026', 'dmy')).toEqual({ value: '2026-04-03' });
  });
});
