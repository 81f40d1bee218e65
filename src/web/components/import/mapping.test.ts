import { describe, expect, it } from 'vitest';
import type { ImportPreview } from './importApi.js';
import { choiceProblems, IGNORE, initialChoices, mapOverrides } from './mapping.js';

const preview: ImportPreview = {
  entity: 'partners',
  header: ['Partner Name', 'E-mail', 'Email', '', 'Kind', 'Next step date'],
  sample: [],
  mapping: [
    { column: 'Partner Name', field: 'name' },
    { column: 'E-mail', field: 'email' },
    { column: 'Kind', field: 'type' },
  ],
  ignoredColumns: ['Email', '(column 4)', 'Next step date'],
  warnings: [],
  fields: [
    { key: 'name', label: 'Name', required: true },
    { key: 'email', label: 'E-mail', required: false },
    { key: 'type', label: 'Type', required: true },
    { key: 'nextActionDate', label: 'Next action date', required: false },
  ],
};

describe('import column choices', () => {
  it('starts from the guess and locks columns the server will always ignore', () => {
    const choices = initialChoices(preview);
    expect(choices.map((c) => [c.header, c.field, c.locked ?? null])).toEqual([
      ['Partner Name', 'name', null],
      ['E-mail', 'email', null],
      ['Email', IGNORE, 'Repeats the header of column 2'],
      ['', IGNORE, 'This column has no header'],
      ['Kind', 'type', null],
      ['Next step date', IGNORE, null],
    ]);
    expect(mapOverrides(choices)).toEqual({
      'Partner Name': 'name',
      'E-mail': 'email',
      Kind: 'type',
      'Next step date': IGNORE,
    });
  });

  it('names a required field without a column and a field chosen twice', () => {
    const choices = initialChoices(preview).map((c) =>
      c.header === 'Kind' ? { ...c, field: IGNORE } : c.header === 'Next step date' ? { ...c, field: 'email' } : c,
    );
    const { byColumn, missing } = choiceProblems(choices, preview);
    expect(missing).toEqual(['Type']);
    expect([...byColumn]).toEqual([[5, '"E-mail" already holds this field']]);
    expect(choiceProblems(initialChoices(preview), preview)).toEqual({ byColumn: new Map(), missing: [] });
  });
});
