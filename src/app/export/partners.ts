import { stringify } from 'csv-stringify/sync';
import { parseInput } from '../../contract/common.js';
import { PartnerListQuerySchema } from '../../contract/partner.js';
import { neutraliseCell } from '../../domain/csv-safety.js';
import { PARTNER_IMPORT_FIELDS } from '../../domain/import/partner.js';
import type { Partner } from '../../domain/partner.js';
import type { Ctx, Deps } from '../context.js';
import { listPartnerPage } from '../partners.js';

export interface CsvExportOptions {
  /** Start with a byte-order mark, which some spreadsheet programs need to read UTF-8. */
  bom?: boolean;
}

type Cell = string | number | null;

/** The columns, headed with the import's own labels so an export reads straight back in. */
const COLUMNS: [header: string, value: (p: Partner) => Cell][] = [
  ...PARTNER_IMPORT_FIELDS.map(
    (f) =>
      [
        f.label,
        (p: Partner) => {
          const v = p[f.key as keyof Partner];
          return Array.isArray(v) ? v.join(', ') : (v as Cell);
        },
      ] as [string, (p: Partner) => Cell],
  ),
  ['Created at', (p) => p.createdAt],
  ['Updated at', (p) => p.updatedAt],
];

/**
 * The partners a list filter selects, as CSV text in chunks (one page of rows each), so any
 * number of partners streams out in flat memory. Text cells that a spreadsheet would run as a
 * formula are neutralised; numbers stay plain.
 */
export async function* exportPartnersCsv(
  deps: Deps,
  ctx: Ctx,
  filters: Record<string, unknown>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  const { limit: _l, cursor: _c, ...rest } = filters;
  const query = { ...rest, sort: rest.sort ?? 'name', limit: 500 };
  parseInput(PartnerListQuerySchema, query);
  const format = (rows: Cell[][]) => stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  yield (options.bom ? '\ufeff' : '') + format([COLUMNS.map(([h]) => h)]);
  let cursor: string | null = null;
  do {
    const page = await listPartnerPage(deps, ctx, cursor ? { ...query, cursor } : query);
    if (page.items.length > 0) yield format(page.items.map((p) => COLUMNS.map(([, value]) => safe(value(p)))));
    cursor = page.nextCursor;
  } while (cursor);
}

function safe(cell: Cell): Cell {
  return typeof cell === 'string' ? neutraliseCell(cell) : cell;
}
