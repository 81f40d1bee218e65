import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Ctx, Deps } from '../../src/app/context.js';
import { exportPartnersCsv } from '../../src/app/export/partners.js';
import { partnerImport } from '../../src/app/import/partners.js';
import { type ImportOptions, importCsv } from '../../src/app/import/run.js';

/** Feeds `text` to the importer in small chunks, so BOMs and line endings split across reads. */
export function importText(deps: Deps, ctx: Ctx, text: string, options: ImportOptions = {}, chunk = 7) {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return importCsv(deps, ctx, partnerImport, Readable.from(parts), options);
}

export async function exportText(deps: Deps, ctx: Ctx, filters: Record<string, unknown> = {}, bom = false) {
  let out = '';
  for await (const chunk of exportPartnersCsv(deps, ctx, filters, { bom })) out += chunk;
  return out;
}

/** An exported CSV's rows as header → cell (a leading BOM dropped), read by an independent parser. */
export function csvRows(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}
