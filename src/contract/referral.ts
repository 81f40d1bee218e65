import { z } from '@hono/zod-openapi';
import { FITS, LOST_REASONS, REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, REFERRAL_SOURCES } from '../domain/referral.js';
import { DateSchema, IdSchema, line, MoneySchema, optionalLine, optionalText } from './common.js';

export const ReferralSchema = z
  .object({
    id: z.string(),
    direction: z.enum(REFERRAL_DIRECTIONS),
    source: z.enum(REFERRAL_SOURCES),
    partnerId: z.string().nullable(),
    leadName: z.string(),
    company: z.string().nullable(),
    contact: z.string().nullable(),
    date: z.string(),
    notes: z.string().nullable(),
    outcome: z.enum(REFERRAL_OUTCOMES),
    lostReason: z.enum(LOST_REASONS).nullable(),
    fit: z.enum(FITS).nullable(),
    monthlyValue: z.number().int().nullable().openapi({ description: 'Minor units' }),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Referral');

const editable = {
  leadName: line().min(1, 'must not be empty').max(200, 'expected at most 200 characters'),
  company: optionalLine(200),
  contact: optionalLine(300),
  date: DateSchema,
  notes: optionalText(5000),
  fit: z.enum(FITS).nullable(),
};

export const ReferralCreateSchema = z
  .strictObject({
    ...editable,
    direction: z.enum(REFERRAL_DIRECTIONS),
    source: z.enum(REFERRAL_SOURCES).optional().openapi({ description: 'Defaults to partner when partnerId is set' }),
    partnerId: IdSchema.optional(),
    fit: editable.fit.optional(),
    date: DateSchema.optional().openapi({ description: 'Defaults to today' }),
  })
  .openapi('ReferralCreate');

export const ReferralPatchSchema = z
  .strictObject({
    ...editable,
    monthlyValue: MoneySchema,
    startDate: DateSchema,
  })
  .partial()
  .openapi('ReferralPatch');

export const ReferralWonSchema = z
  .strictObject({ monthlyValue: MoneySchema, startDate: DateSchema })
  .openapi('ReferralWon');
export const ReferralLostSchema = z
  .strictObject({ reason: z.enum(LOST_REASONS), note: optionalText(500) })
  .openapi('ReferralLost');
export const ReferralEndSchema = z
  .strictObject({ on: DateSchema.openapi({ description: 'The day the client stopped' }) })
  .openapi('ReferralEnd');
export const ReferralFitSchema = z.strictObject({ fit: z.enum(FITS).nullable() }).openapi('ReferralFit');

export const ReferralListQuerySchema = z
  .strictObject({
    direction: z.enum(REFERRAL_DIRECTIONS).optional(),
    source: z.enum(REFERRAL_SOURCES).optional(),
    outcome: z.enum(REFERRAL_OUTCOMES).optional(),
    partnerId: IdSchema.optional(),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: line({ trim: false }).max(500).optional(),
  })
  .openapi('ReferralListQuery');

export const ReferralPageSchema = z
  .object({ items: z.array(ReferralSchema), nextCursor: z.string().nullable() })
  .openapi('ReferralPage');

export const ReferralIdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

const side = z.object({ count: z.number().int(), won: z.number().int(), wonMonthlyValue: z.number().int() });
export const ReciprocitySchema = z
  .object({
    partnerId: z.string(),
    received: side,
    given: side,
    balance: z.number().int().openapi({ description: 'received − given: above 0 they sent us more' }),
    valueBalance: z.number().int(),
  })
  .openapi('Reciprocity');

export const PartnerFlagsSchema = z
  .object({
    partnerId: z.string(),
    badFit: z.object({
      flagged: z.boolean(),
      badCount: z.number().int(),
      judged: z.array(z.string()),
      threshold: z.number().int(),
      window: z.number().int(),
    }),
    actions: z.array(z.object({ kind: z.string(), title: z.string(), templateKind: z.string().nullable() })),
  })
  .openapi('PartnerFlags');
