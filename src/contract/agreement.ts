import { z } from '@hono/zod-openapi';
import {
  AGREEMENT_FORMS,
  AGREEMENT_STATUSES,
  AGREEMENT_TERMS,
  HANDOFF_METHODS,
  MAX_FEE_MONTHS,
} from '../domain/agreement.js';
import { DateSchema, IdSchema, line, MoneySchema, optionalText } from './common.js';

export const FeeTermsSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('percent'),
      percent: z
        .number()
        .gt(0, 'expected a percentage above 0')
        .max(100, 'expected a percentage of at most 100')
        .openapi({ example: 10 }),
      months: z
        .number()
        .int('expected a whole number of months')
        .min(1, 'expected at least 1 month')
        .max(MAX_FEE_MONTHS, `expected at most ${MAX_FEE_MONTHS} months`)
        .openapi({ example: 3 }),
    }),
    z.strictObject({ kind: z.literal('flat'), amount: MoneySchema }),
  ])
  .openapi('FeeTerms', {
    description:
      'none (reciprocal) | percent of the monthly revenue for the first N months | flat amount per won client',
  });

export const AgreementSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    status: z.enum(AGREEMENT_STATUSES),
    form: z.enum(AGREEMENT_FORMS),
    theyReferToUs: z.string().nullable(),
    weReferToThem: z.string().nullable(),
    feeToThem: FeeTermsSchema.openapi({ description: 'Our fee to them for referrals they send us (payables)' }),
    feeToUs: FeeTermsSchema.openapi({ description: 'Their fee to us for referrals we send them (receivables)' }),
    handoffMethod: z.enum(HANDOFF_METHODS).nullable(),
    handoffInstructions: z.string().nullable(),
    exclusivity: z.string(),
    startDate: z.string().nullable(),
    reviewDate: z.string().nullable(),
    signedDate: z.string().nullable(),
    endDate: z.string().nullable().openapi({ description: 'The first day it no longer applies' }),
    disputedTerms: z.array(z.enum(AGREEMENT_TERMS)),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Agreement');

const fields = {
  form: z.enum(AGREEMENT_FORMS),
  theyReferToUs: optionalText(1000),
  weReferToThem: optionalText(1000),
  feeToThem: FeeTermsSchema,
  feeToUs: FeeTermsSchema,
  handoffMethod: z.enum(HANDOFF_METHODS).nullable(),
  handoffInstructions: optionalText(2000),
  exclusivity: line().min(1).max(500),
  startDate: DateSchema.nullable(),
  reviewDate: DateSchema.nullable(),
  signedDate: DateSchema.nullable(),
  notes: optionalText(5000),
};

export const AgreementCreateSchema = z.strictObject(fields).partial().openapi('AgreementCreate');
export const AgreementPatchSchema = z.strictObject(fields).partial().openapi('AgreementPatch');

export const AgreementDateSchema = z
  .strictObject({ on: DateSchema.optional().openapi({ description: 'Defaults to the start date, or today' }) })
  .openapi('AgreementDate');

export const RefusalSchema = z.strictObject({ on: DateSchema.optional(), note: optionalText(500) }).openapi('Refusal');

export const DisputeSchema = z
  .strictObject({
    term: z.enum(AGREEMENT_TERMS),
    disputed: z.boolean().default(true),
    note: optionalText(500),
  })
  .openapi('Dispute');

export const DisputeResultSchema = z
  .object({
    agreement: AgreementSchema,
    suggestion: z.string().nullable().openapi({ description: 'Set while a term is disputed: send the one-pager' }),
    onePager: z.object({ markdown: z.string(), pdf: z.string() }).openapi({ description: 'Download paths' }),
  })
  .openapi('DisputeResult');

export const AgreementListSchema = z
  .object({ items: z.array(AgreementSchema), inForce: AgreementSchema.nullable() })
  .openapi('AgreementList');

export const AgreementIdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const AgreementListAllQuerySchema = z
  .strictObject({ status: z.enum(AGREEMENT_STATUSES).optional() })
  .openapi('AgreementListAllQuery');

export const AgreementWithPartnerListSchema = z
  .object({ items: z.array(AgreementSchema.extend({ partnerName: z.string() })) })
  .openapi('AgreementWithPartnerList');

export const InForceQuerySchema = z.strictObject({ on: DateSchema.optional() });
