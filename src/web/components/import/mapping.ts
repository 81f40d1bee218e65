import { headerKey } from '../../../domain/import/values.js';
import type { ImportPreview } from './importApi.js';

export const IGNORE = 'ignore';

export interface ColumnChoice {
  index: number;
  header: string;
  /** Field key or IGNORE. */
  field: string;
  /** Why this column cannot be mapped (no header, or a header seen before), if so. */
  locked?: string;
}

/** One choice per column, starting from the server's guess. */
export function initialChoices(preview: ImportPreview): ColumnChoice[] {
  const guessed = new Map(preview.mapping.map((m) => [m.column, m.field]));
  const seen = new Map<string, number>();
  return preview.header.map((header, index) => {
    const key = headerKey(header);
    const first = seen.get(key);
    if (header === '') return { index, header, field: IGNORE, locked: 'This column has no header' };
    if (first !== undefined) {
      return { index, header, field: IGNORE, locked: `Repeats the header of column ${first + 1}` };
    }
    seen.set(key, index);
    return { index, header, field: guessed.get(header) ?? IGNORE };
  });
}

/** Column index → problem: a required field nobody holds, or a field chosen twice. */
export function choiceProblems(choices: ColumnChoice[], preview: ImportPreview) {
  const byColumn = new Map<number, string>();
  const holder = new Map<string, ColumnChoice>();
  for (const c of choices) {
    if (c.field === IGNORE) continue;
    const first = holder.get(c.field);
    if (first) byColumn.set(c.index, `"${first.header}" already holds this field`);
    else holder.set(c.field, c);
  }
  const missing = preview.fields.filter((f) => f.required && !holder.has(f.key)).map((f) => f.label);
  return { byColumn, missing };
}

/** Every column's choice, sent explicitly so what the person sees is what the server does. */
export function mapOverrides(choices: ColumnChoice[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const c of choices) if (!c.locked) map[c.header] = c.field;
  return map;
}
