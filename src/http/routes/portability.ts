import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { exportPartnersCsv } from '../../app/export/partners.js';
import { partnerImport } from '../../app/import/partners.js';
import { previewCsv } from '../../app/import/preview.js';
import { importCsv } from '../../app/import/run.js';
import {
  ImportPreviewSchema,
  ImportQuerySchema,
  ImportReportSchema,
  PartnerExportQuerySchema,
} from '../../contract/portability.js';
import { AppError } from '../../domain/errors.js';
import { parseMapPairs } from '../../domain/import/fields.js';
import { ndjsonImport } from '../import-progress.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const tags = ['Import and export'];

export function portabilityRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/import/partners',
      tags,
      summary: 'Import partners from a CSV body; rows matching an id, e-mail or LinkedIn URL update that partner',
      request: {
        query: ImportQuerySchema,
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: {
        200: {
          content: {
            'application/json': { schema: ImportReportSchema },
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
      const options = { map: parseMapPairs(q.map), dryRun: q.dryRun === 'true', dateOrder: q.dateOrder };
      if (q.progress === 'ndjson') {
        return (await ndjsonImport(c, (onProgress) =>
          importCsv(c.var.deps, c.var.ctx, partnerImport, body, { ...options, onProgress }),
        )) as never;
      }
      return c.json(await importCsv(c.var.deps, c.var.ctx, partnerImport, body, options), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/import/partners/preview',
      tags,
      summary: 'The header, first rows and guessed column mapping of a partner CSV, for a mapping screen',
      request: {
        query: ImportQuerySchema.pick({ map: true }),
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: { 200: json(ImportPreviewSchema, 'Header, sample rows and mapping'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await previewCsv(partnerImport, csvBody(c.req.raw), { map: parseMapPairs(q.map) }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export/partners.csv',
      tags,
      summary: 'The partners a list filter selects, as CSV (formula-like cells neutralised)',
      request: { query: PartnerExportQuerySchema },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, UTF-8' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { bom, ...filters } = c.req.valid('query');
      const chunks = exportPartnersCsv(c.var.deps, c.var.ctx, filters, { bom: bom === 'true' });
      // Read the first chunk here so a bad filter still answers 400 before streaming starts.
      const first = await chunks.next();
      async function* all() {
        if (!first.done) yield Buffer.from(first.value);
        for await (const chunk of chunks) yield Buffer.from(chunk);
      }
      const stream = Readable.toWeb(Readable.from(all())) as unknown as ReadableStream;
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="partners.csv"',
        },
      }) as never;
    },
  );
}

export function csvBody(req: Request): Readable {
  if (!/^text\/csv/i.test(req.headers.get('content-type') ?? '')) {
    throw AppError.validation([{ field: 'Content-Type', message: 'expected text/csv; send the CSV file as the body' }]);
  }
  if (!req.body) throw AppError.validation([{ field: 'body', message: 'expected the CSV file as the request body' }]);
  return Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
}
