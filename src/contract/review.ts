import { z } from '@hono/zod-openapi';
import { DateSchema, line, optionalText } from './common.js';

export const ReviewQuerySchema = z
  .strictObject({
    week: line({ trim: false })
      .max(8)
      .optional()
      .openapi({ description: 'ISO week, e.g. 2026-W47', example: '2026-W47' }),
    month: line({ trim: false }).max(7).optional().openapi({ description: 'Month, e.g. 2026-11', example: '2026-11' }),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    asOf: DateSchema.optional().openapi({ description: 'Look at the records as of this day (default today)' }),
    months: z.coerce.number().int().min(1).max(24).default(6).openapi({ description: 'Months of revenue trend' }),
    quietDays: z.coerce.number().int().min(1).max(365).default(45),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
  .refine((q) => [q.week, q.month, q.from].filter(Boolean).length <= 1, {
    message: 'choose one of week, month or from/to',
    path: ['week'],
  })
  .openapi('ReviewQuery');
export type ReviewQuery = z.output<typeof ReviewQuerySchema>;

export const ReviewSaveSchema = z
  .strictObject({
    week: line({ trim: false }).max(8).optional(),
    month: line({ trim: false }).max(7).optional(),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    notes: optionalText(5000),
    decisions: optionalText(5000),
  })
  .openapi('ReviewSave');

const count = z.number().int();
const share = z.number().nullable();

const SourceFiguresSchema = z.object({
  source: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  received: count,
  won: count,
  lost: count,
  pending: count,
  wonMonthlyValue: count,
  winRate: share,
});

const RecommendationSchema = z.object({ partnerId: z.string(), partnerName: z.string(), reason: z.string() });

export const ReviewSchema = z
  .object({
    period: z.object({
      label: z.string(),
      kind: z.enum(['week', 'month', 'range']),
      from: z.string(),
      to: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      days: count,
    }),
    asOf: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    pipeline: z.object({
      entered: z.record(z.string(), count),
      funnel: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          entered: count,
          advanced: count,
          conversion: share,
          medianDays: z.number().nullable(),
        }),
      ),
      partners: count,
      activeAgreements: count,
    }),
    sources: z.object({
      partners: z.array(SourceFiguresSchema).describe('The best partners by new monthly revenue, at most 50'),
      partnersTotal: count.describe('Partners that sent a lead in the period, shown or not'),
      bySource: z.array(SourceFiguresSchema),
      partnershipShare: share,
    }),
    goal: z.object({
      newMonthlyRevenue: count,
      newPartnerMonthlyRevenue: count,
      recurringPartnerRevenue: count,
      monthlyTarget: count,
      monthlyPlatformCost: count,
      progress: share,
      gap: count,
      returnOnCost: share,
    }),
    fees: z.object({
      accrued: z.object({ payable: count, receivable: count }),
      paid: z.object({ payable: count, receivable: count }),
      outstanding: z.object({ payable: count, receivable: count }),
    }),
    trend: z.array(
      z.object({ month: z.string(), partner: count, inbound: count, cold: count, other: count, total: count }),
    ),
    doubleDown: z.array(RecommendationSchema),
    goneQuiet: z.array(RecommendationSchema.extend({ days: count })),
    flags: z.array(RecommendationSchema.extend({ kind: z.enum(['bad_fit', 'disputed_terms']) })),
    checklist: z.object({
      items: z.array(
        z.object({
          key: z.string(),
          step: count,
          label: z.string(),
          done: z.boolean(),
          progress: z.object({ current: count, target: count }).nullable(),
          next: z.string(),
        }),
      ),
      done: count,
      total: count,
      next: z.object({ key: z.string(), label: z.string(), next: z.string() }).passthrough().nullable(),
    }),
  })
  .openapi('Review');

export const SavedReviewSchema = z
  .object({
    id: z.string(),
    periodKind: z.string(),
    periodLabel: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    notes: z.string().nullable(),
    decisions: z.string().nullable(),
    reviewedAt: z.string(),
    figures: ReviewSchema,
  })
  .openapi('SavedReview');

export const SavedReviewListSchema = z
  .object({ items: z.array(SavedReviewSchema.omit({ figures: true })) })
  .openapi('SavedReviewList');
