import { z } from '@hono/zod-openapi';
import { FOLLOW_UP_STATES } from '../domain/followup.js';
import { FITS, MESSAGE_CHANNELS, REPLY_ANSWERS } from '../domain/outreach.js';
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS } from '../domain/template.js';
import { DateSchema, IdSchema, line, optionalLine, optionalText, text } from './common.js';
import { FeeLineSchema } from './fee.js';
import { link, optionalLink } from './link.js';
import { StageSchema } from './partner.js';
import { PartnerFlagsSchema } from './referral.js';

export const TemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TEMPLATE_KINDS),
    channel: z.enum(TEMPLATE_CHANNELS),
    subject: z.string().nullable(),
    body: z.string(),
    isDefault: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Template');

const templateFields = {
  name: line().min(1, 'must not be empty').max(120, 'expected at most 120 characters'),
  kind: z.enum(TEMPLATE_KINDS),
  channel: z.enum(TEMPLATE_CHANNELS),
  subject: optionalLine(300),
  body: text().min(1, 'must not be empty').max(10_000, 'expected at most 10,000 characters'),
};

export const TemplateCreateSchema = z
  .strictObject({ ...templateFields, channel: templateFields.channel.default('any') })
  .openapi('TemplateCreate');
export const TemplatePatchSchema = z.strictObject(templateFields).partial().openapi('TemplatePatch');

export const BracketConvertSchema = z
  .strictObject({ text: text({ trim: false }).max(10_000) })
  .openapi('BracketConvert');
export const BracketConvertedSchema = z
  .object({ text: z.string(), converted: z.array(z.string()), unknown: z.array(z.string()) })
  .openapi('BracketConverted');

const ComposeFields = {
  template: line().min(1).max(120).optional().openapi({
    description: 'Template id or name; by default the one that fits the stage (first touch, then follow-up)',
  }),
  subject: line({ trim: false }).max(300).optional().openapi({ description: 'Edited subject (merge fields allowed)' }),
  body: text({ trim: false }).max(10_000).optional().openapi({ description: 'Edited body (merge fields allowed)' }),
};

export const PreviewRequestSchema = z.strictObject(ComposeFields).openapi('PreviewRequest');

export const MissingFieldSchema = z.object({ field: z.string(), label: z.string() });

export const PreviewSchema = z
  .object({
    partnerId: z.string(),
    templateId: z.string().nullable(),
    kind: z.enum(TEMPLATE_KINDS),
    channel: z.enum(TEMPLATE_CHANNELS),
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    missing: z.array(MissingFieldSchema).openapi({ description: 'Fields with no value for this partner' }),
    ready: z.boolean().openapi({ description: 'True when nothing is missing and the message may be sent' }),
  })
  .openapi('Preview');

export const SendRequestSchema = z
  .strictObject({
    ...ComposeFields,
    channel: z.enum(MESSAGE_CHANNELS).optional().openapi({
      description: 'email sends through SMTP; linkedin or manual records a message you copied and sent yourself',
    }),
    on: DateSchema.optional().openapi({ description: 'When it was really sent, for logging after the fact' }),
  })
  .openapi('SendRequest');

export const MessageSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    templateId: z.string().nullable(),
    firstTouchId: z.string().nullable(),
    kind: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    delivery: z.enum(['smtp', 'copied']),
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    messageId: z.string().nullable(),
    sentOn: z.string(),
    sentAt: z.string(),
  })
  .openapi('Message');

export const ReplyRequestSchema = z
  .strictObject({
    answer: z.enum(REPLY_ANSWERS),
    on: DateSchema.optional().openapi({ description: 'The day they replied; today by default' }),
    note: optionalText(2000),
  })
  .openapi('ReplyRequest');

export const ReplySchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    firstTouchId: z.string().nullable(),
    answer: z.enum(REPLY_ANSWERS),
    repliedOn: z.string(),
    note: z.string().nullable(),
  })
  .openapi('Reply');

/** A local date and time in the workspace time zone. */
export const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, 'expected a local date and time as YYYY-MM-DDTHH:MM')
  .refine((s) => {
    const d = new Date(`${s.replace(' ', 'T')}:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s.replace(' ', 'T'));
  }, 'expected a real date and time')
  .openapi({ example: '2026-11-27T14:30' });

export const CallBookSchema = z
  .strictObject({
    at: LocalDateTimeSchema.openapi({ description: 'Start, in the workspace time zone' }),
    minutes: z.coerce.number().int('expected whole minutes').min(5).max(240).default(20),
    link: link({ example: 'https://meet.example/abc' }).optional(),
    agenda: optionalText(2000),
  })
  .openapi('CallBook');

export const CallPatchSchema = z
  .strictObject({
    at: LocalDateTimeSchema.openapi({ description: 'New start, in the workspace time zone' }),
    minutes: z.coerce.number().int('expected whole minutes').min(5).max(240),
    link: optionalLink({ example: 'https://meet.example/abc' }).openapi({ description: 'null or "" clears it' }),
    agenda: optionalText(2000),
  })
  .partial()
  .openapi('CallPatch');

export const CallDoneSchema = z
  .strictObject({
    fit: z.enum(FITS),
    notes: optionalText(10_000),
    theirIdealClient: optionalLine(500),
    theirServices: optionalLine(500),
    nextStep: optionalLine(500),
  })
  .openapi('CallDone');

export const CallSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    startsAt: z.string(),
    minutes: z.number().int(),
    meetingLink: z.string().nullable(),
    status: z.enum(['booked', 'done']),
    agenda: z.string().nullable(),
    notes: z.string().nullable(),
    theirIdealClient: z.string().nullable(),
    theirServices: z.string().nullable(),
    fit: z.enum(FITS).nullable(),
    nextStep: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Call');

const PartnerRefSchema = z.object({ id: z.string(), name: z.string(), stage: StageSchema });

export const CallItemSchema = CallSchema.extend({
  partner: PartnerRefSchema,
  localStart: z.string().openapi({ description: 'Start in the workspace time zone, YYYY-MM-DDTHH:MM' }),
}).openapi('CallItem');

export const FollowUpItemSchema = z
  .object({
    partner: PartnerRefSchema,
    state: z.enum(FOLLOW_UP_STATES),
    firstTouchOn: z.string().nullable(),
    followUpOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    overdueOn: z.string().nullable(),
    noResponseOn: z.string().nullable(),
    daysSinceFirstTouch: z.number().int().nullable(),
  })
  .openapi('FollowUpItem');

export const AsOfQuerySchema = z.strictObject({
  asOf: DateSchema.optional().openapi({ description: 'Show the agenda as of this day (workspace time zone)' }),
});

export const FollowUpListSchema = z
  .object({ asOf: z.string(), items: z.array(FollowUpItemSchema) })
  .openapi('FollowUpList');

export const TodaySchema = z
  .object({
    asOf: z.string(),
    timeZone: z.string(),
    followUpsDue: z.array(FollowUpItemSchema),
    followUpsOverdue: z.array(FollowUpItemSchema),
    proposedNoResponse: z.array(FollowUpItemSchema),
    callsToday: z.array(CallItemSchema),
    callsThisWeek: z.array(CallItemSchema).openapi({ description: 'Booked calls in the six days after today' }),
    nextActions: z
      .array(PartnerRefSchema.extend({ nextAction: z.string().nullable(), nextActionDate: z.string() }))
      .openapi({ description: 'Next actions due by today, the oldest first; at most 50' }),
    nextActionsTotal: z.number().int().openapi({ description: 'How many next actions are due in all' }),
    feesDue: z
      .array(FeeLineSchema)
      .openapi({ description: 'Unpaid fee lines due within the next seven days or overdue; at most 50' }),
    flags: z
      .array(PartnerFlagsSchema.extend({ partnerName: z.string() }))
      .openapi({ description: 'Partners flagged for lead quality, by name; at most 50' }),
    flagsTotal: z.number().int().openapi({ description: 'How many partners are flagged in all' }),
    review: z.object({ due: z.boolean(), period: z.string(), lastReviewOn: z.string().nullable() }),
  })
  .openapi('Today');

export const TemplateIdParamSchema = z.object({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' }, description: 'Template id or name' }),
});
export const CallIdParamSchema = z.object({ id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }) });

export const MessageListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: line({ trim: false }).max(500).optional(),
});

export const MessageLogItemSchema = MessageSchema.extend({ partner: PartnerRefSchema }).openapi('MessageLogItem');

export const MessageLogSchema = z
  .object({ items: z.array(MessageLogItemSchema), nextCursor: z.string().nullable() })
  .openapi('MessageLog');
