import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { exportFeesCsv, exportReferralsCsv } from '../../app/export/referrals.js';
import { previewCsv } from '../../app/import/preview.js';
import { importReferrals, referralImport } from '../../app/import/referrals.js';
import {
  FeeExportQuerySchema,
  ImportPreviewSchema,
  ImportQuerySchema,
  ReferralExportQuerySchema,
  ReferralImportQuerySchema,
  ReferralImportReportSchema,
} from '../../contract/portability.js';
import { parseMapPairs } from '../../domain/import/fields.js';
import { ndjsonImport } from '../import-progress.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';
import { csvBody } from './portability.js';

const tags = ['Import and export'];
const csvContent = { 'text/csv': { schema: z.string() } };

/** Referral import and the referral and fee-line CSV exports. */
export function referralPortabilityRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/import/referrals',
      tags,
      summary:
        'Import referrals from a CSV body; partners are found by name, e-mail or id, and rows already imported are matched by id or by partner, lead and date',
      description:
        'Empty direction = received, empty outcome = pending. A won row needs a monthly value (money such as "$2,000.00" or "2.000,00 €"); its start date defaults to the referral date. A lost row without a reason is lost for "other". The value and dates of a row that is not won are ignored. Fee lines of won rows are derived from the agreement in force on the referral date, as in the app.',
      request: { query: ReferralImportQuerySchema, body: { content: csvContent, required: true } },
      responses: {
        200: {
          content: {
            'application/json': { schema: ReferralImportReportSchema },
            'application/x-ndjson': { schema: z.string().openapi({ description: 'With progress=ndjson' }) },
          },
          description: 'What was (or, in a dry run, would be) done; with progress=ndjson, progress lines first',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const body = csvBody(c.req.raw);
      const options = {
        map: parseMapPairs(q.map),
        dryRun: q.dryRun === 'true',
        dateOrder: q.dateOrder,
        createPartners: q.createPartners === 'true',
      };
      if (q.progress === 'ndjson') {
        return (await ndjsonImport(c, (onProgress) =>
          importReferrals(c.var.deps, c.var.ctx, body, { ...options, onProgress }),
        )) as never;
      }
      return c.json(await importReferrals(c.var.deps, c.var.ctx, body, options), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/import/referrals/preview',
      tags,
      summary: 'The header, first rows and guessed column mapping of a referral CSV, for a mapping screen',
      request: { query: ImportQuerySchema.pick({ map: true }), body: { content: csvContent, required: true } },
      responses: { 200: json(ImportPreviewSchema, 'Header, sample rows and mapping'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await previewCsv(referralImport(), csvBody(c.req.raw), { map: parseMapPairs(q.map) }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export/referrals.csv',
      tags,
      summary: 'The referrals a list filter selects, as CSV (ISO dates, values in major units with a currency column)',
      request: { query: ReferralExportQuerySchema },
      responses: { 200: { content: csvContent, description: 'CSV, UTF-8' }, ...errorResponses },
    }),
    async (c) => {
      const { bom, ...filters } = c.req.valid('query');
      return (await csvResponse(
        exportReferralsCsv(c.var.deps, c.var.ctx, filters, { bom: bom === 'true' }),
        'referrals.csv',
      )) as never;
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export/fees.csv',
      tags,
      summary: 'The fee lines a ledger filter selects, as CSV (amounts in major units with a currency column)',
      request: { query: FeeExportQuerySchema },
      responses: { 200: { content: csvContent, description: 'CSV, UTF-8' }, ...errorResponses },
    }),
    async (c) => {
      const { bom, ...filters } = c.req.valid('query');
      return (await csvResponse(
        exportFeesCsv(c.var.deps, c.var.ctx, filters, { bom: bom === 'true' }),
        'fees.csv',
      )) as never;
    },
  );
}

async function csvResponse(chunks: AsyncGenerator<string>, filename: string): Promise<Response> {
  // Read the first chunk here so a bad filter still answers 400 before streaming starts.
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield Buffer.from(first.value);
    for await (const chunk of chunks) yield Buffer.from(chunk);
  }
  return new Response(Readable.toWeb(Readable.from(all())) as unknown as ReadableStream, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  });
}
