import { parseInput } from '../../contract/common.js';
import { PartnerListQuerySchema } from '../../contract/partner.js';
import { PARTNER_IMPORT_FIELDS } from '../../domain/import/partner.js';
import type { Partner } from '../../domain/partner.js';
import type { Ctx, Deps } from '../context.js';
import { listPartnerPage } from '../partners.js';
import { type Cell, type CsvExportOptions, exportQuery, pagedCsv } from './csv.js';

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
 * The partners a list filter selects, as CSV text in chunks (one page of rows each). Text cells
 * that a spreadsheet would run as a formula are neutralised; numbers stay plain.
 */
export async function* exportPartnersCsv(
  deps: Deps,
  ctx: Ctx,
  filters: Record<string, unknown>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  const base = exportQuery(filters);
  const query = { ...base, sort: base.sort ?? 'name' };
  parseInput(PartnerListQuerySchema, query);
  yield* pagedCsv(
    COLUMNS.map(([h]) => h),
    options,
    (cursor) => listPartnerPage(deps, ctx, cursor ? { ...query, cursor } : query),
    (items) => items.map((p) => COLUMNS.map(([, value]) => value(p))),
  );
}
