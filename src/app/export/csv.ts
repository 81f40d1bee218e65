import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../domain/csv-safety.js';

export type Cell = string | number | null;

/** CSV text for rows, CRLF-ended, with cells a spreadsheet would run as a formula neutralised. */
export function csvRows(rows: Cell[][]): string {
  return stringify(
    rows.map((row) => row.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c))),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/** Minor units → a plain decimal a spreadsheet reads as a number: 200000 → "2000.00". */
export function majorUnits(minor: number | null): string | null {
  if (minor === null) return null;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
