import { z } from '@hono/zod-openapi';
import { FEE_DIRECTIONS, FEE_LINE_STATUSES } from '../domain/fees.js';
import { DateSchema, IdSchema, line } from './common.js';

export const FeeLineSchema = z
  .object({
    id: z.string(),
    referralId: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    leadName: z.string(),
    agreementId: z.string().nullable(),
    direction: z.enum(FEE_DIRECTIONS).openapi({ description: 'payable: we owe the partner; receivable: they owe us' }),
    seq: z.number().int(),
    dueDate: z.string(),
    amount: z.number().int().openapi({ description: 'Minor units' }),
    status: z.enum(FEE_LINE_STATUSES),
    overdue: z.boolean(),
    paidOn: z.string().nullable(),
  })
  .openapi('FeeLine', {
    description:
      'Derived from a won referral and the agreement in force on its date. Percent terms: total = round-half-up(monthly value × percent × months / 100) in minor units, split into equal monthly lines with the leftover cents on the first lines; line k is due on the client start date + k months (clamped to the month end). Flat: one line due a month after the start.',
  });

export const FeeQuerySchema = z
  .strictObject({
    partnerId: IdSchema.optional(),
    direction: z.enum(FEE_DIRECTIONS).optional(),
    status: z.enum(['due', 'overdue', 'paid']).optional(),
    from: DateSchema.optional().openapi({ description: 'Due on or after' }),
    to: DateSchema.optional().openapi({ description: 'Due on or before' }),
    asOf: DateSchema.optional().openapi({ description: 'Overdue means due before this day; defaults to today' }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: line({ trim: false }).max(500).optional(),
  })
  .openapi('FeeQuery');

export const FeeTotalsQuerySchema = FeeQuerySchema.omit({ status: true, limit: true, cursor: true, direction: true });

export const FeePageSchema = z
  .object({ items: z.array(FeeLineSchema), nextCursor: z.string().nullable() })
  .openapi('FeePage');

const sums = z.object({ due: z.number().int(), overdue: z.number().int(), paid: z.number().int() });
export const FeeTotalsSchema = z
  .object({
    asOf: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    payable: sums,
    receivable: sums,
    byPartner: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), payable: sums, receivable: sums })),
  })
  .openapi('FeeTotals', { description: 'due includes overdue; all amounts in minor units' });

export const FeePaySchema = z
  .strictObject({ on: DateSchema.optional().openapi({ description: 'Defaults to today' }) })
  .openapi('FeePay');

export const FeeLineIdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});
