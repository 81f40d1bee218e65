import { AppError, type FieldIssue } from '../errors.js';
import { headerKey } from './values.js';

/** One importable field of an entity, with the header words people use for it. */
export interface ImportField {
  key: string;
  label: string;
  synonyms: readonly string[];
}

export interface ColumnMapping {
  /** Column index → field key, for mapped columns. */
  columns: Map<number, string>;
  /** The header text of each mapped field, to name the column in reports. */
  headers: Map<string, string>;
  /** Columns no field claimed. */
  ignored: string[];
  /** File-level problems that do not stop the import (repeated headers). */
  warnings: string[];
}

/**
 * Guesses which column holds which field from the header row, then applies the person's
 * overrides (`header → field`, or `header → "ignore"`). A header seen twice, or two headers
 * for the same field, keeps the first column and reports the other.
 */
export function mapColumns(
  header: readonly string[],
  fields: readonly ImportField[],
  overrides: Record<string, string>,
): { mapping: ColumnMapping } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const byWord = new Map<string, string>();
  for (const f of fields) for (const w of [f.key, f.label, ...f.synonyms]) byWord.set(headerKey(w), f.key);
  const overrideByHeader = new Map<string, string>();
  for (const [column, field] of Object.entries(overrides)) {
    const at = header.findIndex((h) => h.trim() === column.trim() || headerKey(h) === headerKey(column));
    if (at < 0) issues.push({ field: `map.${column}`, message: `no column "${column}" in the file's header` });
    const target = field.trim();
    if (target !== 'ignore' && !fields.some((f) => f.key === target)) {
      issues.push({
        field: `map.${column}`,
        message: `"${target}" is not a field; use one of: ${fields.map((f) => f.key).join(', ')}, ignore`,
      });
    }
    if (at >= 0) overrideByHeader.set(String(at), target);
  }
  if (issues.length > 0) return { issues };

  const mapping: ColumnMapping = { columns: new Map(), headers: new Map(), ignored: [], warnings: [] };
  const seen = new Map<string, number>();
  header.forEach((raw, i) => {
    const text = raw.trim();
    const firstSame = seen.get(headerKey(text));
    if (text !== '' && firstSame !== undefined) {
      mapping.warnings.push(`column ${i + 1} repeats the header "${text}" of column ${firstSame + 1}; it is ignored`);
      mapping.ignored.push(text);
      return;
    }
    seen.set(headerKey(text), i);
    const field = overrideByHeader.get(String(i)) ?? byWord.get(headerKey(text));
    if (!field || field === 'ignore') {
      mapping.ignored.push(text === '' ? `(column ${i + 1})` : text);
      return;
    }
    const claimed = mapping.headers.get(field);
    if (claimed !== undefined) {
      mapping.warnings.push(
        `column ${i + 1} "${text}" and column "${claimed}" both hold ${field}; "${text}" is ignored`,
      );
      mapping.ignored.push(text);
      return;
    }
    mapping.columns.set(i, field);
    mapping.headers.set(field, text);
  });
  return { mapping };
}

/** `column=field` pairs (from --map or a query string) → { column: field }; the field follows the last `=`. */
export function parseMapPairs(raw: string | readonly string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of typeof raw === 'string' ? [raw] : (raw ?? [])) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw AppError.validation([{ field: 'map', message: `expected column=field, got "${pair}"` }]);
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return map;
}
