import { z } from '@hono/zod-openapi';
import { line } from './common.js';
import { FeeQuerySchema } from './fee.js';
import { PartnerListQuerySchema } from './partner.js';
import { ReferralListQuerySchema } from './referral.js';

export const ImportQuerySchema = z
  .strictObject({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: 'Report what would happen and change nothing' }),
    map: z
      .union([line({ trim: false }).max(300), z.array(line({ trim: false }).max(300)).max(100)])
      .optional()
      .openapi({ description: 'column=field overrides; repeat the parameter for several columns' }),
    dateOrder: z.enum(['dmy', 'mdy']).optional().openapi({ description: 'How to read 03/04/2026 (default dmy)' }),
    progress: z.enum(['ndjson']).optional().openapi({
      description:
        'Answer application/x-ndjson: a {"type":"progress"} line per batch, then one {"type":"report"} (or {"type":"error"}) line',
    }),
  })
  .openapi('ImportQuery');

export const ImportReportSchema = z
  .object({
    entity: z.string(),
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    mapping: z.array(z.object({ column: z.string(), field: z.string() })),
    ignoredColumns: z.array(z.string()),
    warnings: z.array(z.string()),
    errors: z.array(
      z.object({
        line: z.number().int().openapi({ description: 'File line the row starts on; the header is line 1' }),
        column: z.string(),
        field: z.string(),
        message: z.string(),
      }),
    ),
    errorsTruncated: z.boolean(),
  })
  .openapi('ImportReport');

export const PartnerExportQuerySchema = PartnerListQuerySchema.omit({ limit: true, cursor: true, dir: true })
  .extend({
    bom: z.enum(['true', 'false']).optional().openapi({ description: 'Start with a UTF-8 byte-order mark' }),
  })
  .openapi('PartnerExportQuery');

export const ImportPreviewSchema = z
  .object({
    entity: z.string(),
    header: z.array(z.string()),
    sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
    mapping: z.array(z.object({ column: z.string(), field: z.string() })),
    ignoredColumns: z.array(z.string()),
    warnings: z.array(z.string()),
    fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  })
  .openapi('ImportPreview');

export const ReferralImportQuerySchema = ImportQuerySchema.extend({
  createPartners: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Create an agency partner for each partner name the workspace does not have' }),
}).openapi('ReferralImportQuery');

export const ReferralImportReportSchema = ImportReportSchema.extend({
  partnersCreated: z
    .array(z.object({ id: z.string(), name: z.string(), type: z.string() }))
    .openapi({ description: 'Partners created (in a dry run: that would be created) for unknown names' }),
}).openapi('ReferralImportReport');

export const ReferralExportQuerySchema = ReferralListQuerySchema.omit({ limit: true, cursor: true })
  .extend({
    bom: z.enum(['true', 'false']).optional().openapi({ description: 'Start with a UTF-8 byte-order mark' }),
  })
  .openapi('ReferralExportQuery');

export const FeeExportQuerySchema = FeeQuerySchema.omit({ limit: true, cursor: true })
  .extend({
    bom: z.enum(['true', 'false']).optional().openapi({ description: 'Start with a UTF-8 byte-order mark' }),
  })
  .openapi('FeeExportQuery');
