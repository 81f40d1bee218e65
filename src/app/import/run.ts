import type { Kysely } from 'kysely';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { type ColumnMapping, mapColumns } from '../../domain/import/fields.js';
import type { DateOrder } from '../../domain/import/values.js';
import { widenCacheForBulkLoad } from '../../store/partner-import.js';
import type { DB } from '../../store/schema.js';
import { type Ctx, type Deps, inTransaction } from '../context.js';
import { readCsv } from './csv-source.js';
import type { ImportEntity } from './entity.js';

export interface ImportOptions {
  /** Header → field (or "ignore"), overriding the guess. */
  map?: Record<string, string>;
  dryRun?: boolean;
  dateOrder?: DateOrder;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  bytesRead: number;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportRowError {
  line: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportReport {
  entity: string;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  mapping: { column: string; field: string }[];
  ignoredColumns: string[];
  warnings: string[];
  errors: ImportRowError[];
  /** More errors happened than the report lists. */
  errorsTruncated: boolean;
}

const MAX_ERRORS = 1000;
/** Rows read between progress reports, so progress moves while a big batch is still being read. */
const PROGRESS_EVERY = 5000;
const ROLLBACK = Symbol('dry run');

/**
 * Imports a CSV stream: maps the header, prepares each row, and writes batches of rows in one
 * transaction each. A dry run does the very same work in one transaction and rolls it back,
 * so its report is exactly what a real run would say.
 */
export async function importCsv<Row>(
  deps: Deps,
  ctx: Ctx,
  entity: ImportEntity<Row>,
  source: AsyncIterable<Buffer | string>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const run = (withTx: <T>(fn: (db: Kysely<DB>) => Promise<T>) => Promise<T>) =>
    importRows(deps, ctx, entity, source, options, withTx);
  const restoreCache = await widenCacheForBulkLoad(deps.store.db);
  try {
    if (!options.dryRun) return await run((fn) => inTransaction(deps, fn));
    let report: ImportReport | undefined;
    try {
      await inTransaction(deps, async (tx) => {
        report = await run((fn) => fn(tx));
        throw ROLLBACK;
      });
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    }
    return report as ImportReport;
  } finally {
    await restoreCache();
  }
}

async function importRows<Row>(
  deps: Deps,
  ctx: Ctx,
  entity: ImportEntity<Row>,
  source: AsyncIterable<Buffer | string>,
  options: ImportOptions,
  withTx: <T>(fn: (db: Kysely<DB>) => Promise<T>) => Promise<T>,
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 1000;
  const prepareOptions = { dateOrder: options.dateOrder ?? 'dmy' };
  let bytesRead = 0;
  let mapping: ColumnMapping | undefined;
  const report: ImportReport = {
    entity: entity.name,
    dryRun: Boolean(options.dryRun),
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    mapping: [],
    ignoredColumns: [],
    warnings: [],
    errors: [],
    errorsTruncated: false,
  };
  const reject = (line: number, issues: FieldIssue[]) => {
    report.rejected += 1;
    for (const issue of issues) {
      if (report.errors.length >= MAX_ERRORS) {
        report.errorsTruncated = true;
        return;
      }
      const field = issue.field.split('.')[0] ?? issue.field;
      report.errors.push({ line, column: mapping?.headers.get(field) ?? field, field, message: issue.message });
    }
  };

  let batch: { line: number; row: Row }[] = [];
  const cells = new Map<string, string>();
  let at: number[] = [];
  let fields: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const outcomes = await withTx((db) =>
      entity.writeBatch(
        deps,
        db,
        ctx,
        current.map((b) => b.row),
      ),
    );
    outcomes.forEach((outcome, i) => {
      if (typeof outcome === 'string') report[outcome] += 1;
      else reject(current[i]?.line ?? 0, outcome.issues);
    });
    options.onProgress?.({ bytesRead, rowsRead: report.rows, ...counts(report) });
  };

  for await (const records of readCsv(source, (b) => {
    bytesRead = b;
  })) {
    for (const record of records) {
      if (!mapping) {
        mapping = headerMapping(entity, record.cells, options.map ?? {});
        report.mapping = [...mapping.columns].map(([i, field]) => ({ column: record.cells[i]?.trim() ?? '', field }));
        report.ignoredColumns = mapping.ignored;
        report.warnings = mapping.warnings;
        // Plain arrays: walking the map gave every cell of every row an entry array to collect.
        at = [...mapping.columns.keys()];
        fields = [...mapping.columns.values()];
        continue;
      }
      report.rows += 1;
      // One map for every row: `prepare` only reads it, and each row sets the same keys.
      for (let c = 0; c < fields.length; c++)
        cells.set(fields[c] as string, (record.cells[at[c] as number] ?? '').trim());
      const prepared = entity.prepare(cells, prepareOptions);
      if ('issues' in prepared) reject(record.line, prepared.issues);
      else batch.push({ line: record.line, row: prepared.row });
      if (batch.length >= batchSize) await flush();
      else if (report.rows % PROGRESS_EVERY === 0)
        options.onProgress?.({ bytesRead, rowsRead: report.rows, ...counts(report) });
    }
  }
  if (!mapping) throw AppError.validation([{ field: 'file', message: 'the file is empty; expected a header row' }]);
  await flush();
  options.onProgress?.({ bytesRead, rowsRead: report.rows, ...counts(report) });
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

function counts(r: ImportReport) {
  return { created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
}

function headerMapping<Row>(entity: ImportEntity<Row>, header: string[], overrides: Record<string, string>) {
  const result = mapColumns(header, entity.fields, overrides);
  if ('issues' in result) throw AppError.validation(result.issues);
  const missing = entity.required.filter((f) => !result.mapping.headers.has(f));
  if (missing.length > 0) {
    throw AppError.validation(
      missing.map((f) => ({
        field: f,
        message: `no column holds ${f}; name a column with --map "Column=${f}" (columns: ${header.join(', ')})`,
      })),
    );
  }
  return result.mapping;
}
