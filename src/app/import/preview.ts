import { AppError } from '../../domain/errors.js';
import { mapColumns } from '../../domain/import/fields.js';
import { readCsv } from './csv-source.js';
import type { ImportEntity } from './entity.js';

export interface ImportPreview {
  entity: string;
  header: string[];
  /** The first rows as they are in the file, with the line each starts on. */
  sample: { line: number; cells: string[] }[];
  /** The guessed (or overridden) column → field mapping, for a mapping screen to start from. */
  mapping: { column: string; field: string }[];
  ignoredColumns: string[];
  warnings: string[];
  /** Every field a column may be mapped to. */
  fields: { key: string; label: string; required: boolean }[];
}

/** Reads only the header and the first `rows` rows: enough for a mapping screen. */
export async function previewCsv<Row>(
  entity: ImportEntity<Row>,
  source: AsyncIterable<Buffer | string>,
  options: { map?: Record<string, string>; rows?: number } = {},
): Promise<ImportPreview> {
  const limit = options.rows ?? 10;
  let header: string[] | undefined;
  const sample: ImportPreview['sample'] = [];
  read: for await (const records of readCsv(source)) {
    for (const record of records) {
      if (!header) header = record.cells.map((c) => c.trim());
      else sample.push(record);
      if (sample.length >= limit) break read;
    }
  }
  if (!header) throw AppError.validation([{ field: 'file', message: 'the file is empty; expected a header row' }]);
  const result = mapColumns(header, entity.fields, options.map ?? {});
  if ('issues' in result) throw AppError.validation(result.issues);
  const { mapping } = result;
  return {
    entity: entity.name,
    header,
    sample,
    mapping: [...mapping.columns].map(([i, field]) => ({ column: header[i] ?? '', field })),
    ignoredColumns: mapping.ignored,
    warnings: mapping.warnings,
    fields: entity.fields.map((f) => ({ key: f.key, label: f.label, required: entity.required.includes(f.key) })),
  };
}
