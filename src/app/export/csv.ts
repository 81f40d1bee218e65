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

export interface CsvExportOptions {
  /** Start with a byte-order mark, which some spreadsheet programs need to read UTF-8. */
  bom?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list as CSV text in chunks, one page of rows each, so any number of records streams out in
 * flat memory: the header first, then every page `list` returns until it has no next cursor.
 */
export async function* pagedCsv<T>(
  header: string[],
  options: CsvExportOptions,
  list: (cursor: string | null) => Promise<Page<T>>,
  toRows: (items: T[]) => Cell[][] | Promise<Cell[][]>,
): AsyncGenerator<string> {
  yield (options.bom ? '\ufeff' : '') + csvRows([header]);
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list(cursor);
    if (page.items.length > 0) yield csvRows(await toRows(page.items));
    cursor = page.nextCursor;
  } while (cursor);
}

/** A list filter without its paging keys, paged 500 at a time for export. */
export function exportQuery(filters: Record<string, unknown>): Record<string, unknown> {
  const { limit: _l, cursor: _c, ...rest } = filters;
  return { ...rest, limit: 500 };
}
