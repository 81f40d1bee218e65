import { z } from '@hono/zod-openapi';
import { PARTNER_TYPES } from '../domain/partner.js';
import { STAGES } from '../domain/stage.js';
import { DateSchema, IdSchema, line, optionalLine, optionalText } from './common.js';
import { optionalLink } from './link.js';

export const StageSchema = z.enum(STAGES).openapi('Stage');
export const PartnerTypeSchema = z.enum(PARTNER_TYPES).openapi('PartnerType');

export const PartnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    contactName: z.string().nullable(),
    email: z.string().nullable(),
    linkedinUrl: z.string().nullable(),
    website: z.string().nullable(),
    type: PartnerTypeSchema,
    subtype: z.string().nullable(),
    audience: z.string().nullable().openapi({ description: 'Their clients or audience' }),
    stage: StageSchema,
    owner: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    nextAction: z.string().nullable(),
    nextActionDate: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Partner');

const tag = line().toLowerCase().min(1, 'tags must not be empty').max(40, 'expected tags of at most 40 characters');

// Spreadsheets and people type `example.com`; it is stored as https://example.com.
const url = (example: string) => optionalLink({ example, assumeHttps: true });

const partnerFields = {
  name: line().min(1, 'must not be empty').max(120, 'expected at most 120 characters'),
  company: optionalLine(120),
  contactName: optionalLine(120),
  email: z
    .union([z.literal(''), z.email('expected an e-mail address such as dana@example.com').max(254)])
    .transform((s) => (s === '' ? null : s.trim()))
    .nullable()
    .optional(),
  linkedinUrl: url('https://www.linkedin.com/in/name'),
  website: url('https://example.com'),
  type: PartnerTypeSchema,
  subtype: optionalLine(60),
  audience: optionalText(500),
  owner: optionalLine(120),
  tags: z.array(tag).max(20, 'expected at most 20 tags').optional(),
  notes: optionalText(5000),
  nextAction: optionalLine(200),
  nextActionDate: DateSchema.nullable().optional(),
};

export const PartnerCreateSchema = z
  .strictObject({ ...partnerFields, stage: StageSchema.optional() })
  .openapi('PartnerCreate');
export type PartnerCreate = z.output<typeof PartnerCreateSchema>;

export const PartnerPatchSchema = z.strictObject(partnerFields).partial().openapi('PartnerPatch');
export type PartnerPatch = z.output<typeof PartnerPatchSchema>;

export const PARTNER_SORTS = ['name', 'stage', 'next_action', 'updated'] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([line({ trim: false }), z.array(line({ trim: false }))])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

export const PartnerListQuerySchema = z
  .strictObject({
    type: csv(PartnerTypeSchema).optional().openapi({ description: 'Comma-separated types' }),
    subtype: line({ trim: false }).max(60).optional(),
    stage: csv(StageSchema).optional().openapi({ description: 'Comma-separated stages' }),
    tag: line({ trim: false }).max(40).optional(),
    q: line({ trim: false })
      .max(200)
      .optional()
      .openapi({ description: 'Search name, company, contact, e-mail and notes' }),
    archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
    sort: z.enum(PARTNER_SORTS).default('updated'),
    dir: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: line({ trim: false }).max(500).optional(),
  })
  .openapi('PartnerListQuery');
export type PartnerListQuery = z.output<typeof PartnerListQuerySchema>;

export const PartnerPageSchema = z
  .object({
    items: z.array(PartnerSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
  })
  .openapi('PartnerPage');

export const StageMoveSchema = z
  .strictObject({
    to: StageSchema,
    note: optionalText(500),
  })
  .openapi('StageMove');

export const ActivitySchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    kind: z.string(),
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .openapi('Activity');

export const ActivityPageSchema = z
  .object({ items: z.array(ActivitySchema), nextCursor: z.string().nullable() })
  .openapi('ActivityPage');

export const ActivityListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: line({ trim: false }).max(500).optional(),
});

export const PartnerIdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' }, example: '019a…' }),
});
