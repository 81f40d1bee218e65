import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bookCall, callIcs, completeCall, editCall, partnerCalls, removeCall, showCall } from '../../app/calls.js';
import { listSentMessages, partnerMessages, previewMessage, recordReply, sendMessage } from '../../app/outreach.js';
import { calendarFeed, listFollowUps, today } from '../../app/today.js';
import {
  AsOfQuerySchema,
  CallBookSchema,
  CallDoneSchema,
  CallIdParamSchema,
  CallPatchSchema,
  CallSchema,
  FollowUpListSchema,
  MessageListQuerySchema,
  MessageLogSchema,
  MessageSchema,
  PreviewRequestSchema,
  PreviewSchema,
  ReplyRequestSchema,
  ReplySchema,
  SendRequestSchema,
  TodaySchema,
} from '../../contract/outreach.js';
import { PartnerIdParamSchema } from '../../contract/partner.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const calendar = (description: string) => ({ content: { 'text/calendar': { schema: z.string() } }, description });
const ICS = 'text/calendar; charset=utf-8';

export function outreachRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/outreach/preview',
      tags: ['Outreach'],
      summary: 'Render a template for a partner and list the merge fields that are empty',
      request: { params: PartnerIdParamSchema, ...body(PreviewRequestSchema) },
      responses: { 200: json(PreviewSchema, 'The rendered message'), ...errorResponses },
    }),
    async (c) => c.json(await previewMessage(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/outreach/send',
      tags: ['Outreach'],
      summary: 'Send by e-mail (SMTP) or record a copied message as sent; refused while any field is empty',
      request: { params: PartnerIdParamSchema, ...body(SendRequestSchema) },
      responses: {
        201: json(MessageSchema, 'The sent message'),
        ...errorResponses,
        502: json(z.object({ error: z.unknown() }), 'The SMTP server failed; nothing was recorded'),
      },
    }),
    async (c) => c.json(await sendMessage(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/messages',
      tags: ['Outreach'],
      summary: 'Messages sent to a partner, newest first',
      request: { params: PartnerIdParamSchema },
      responses: { 200: json(z.object({ items: z.array(MessageSchema) }), 'The sent log'), ...errorResponses },
    }),
    async (c) => c.json(await partnerMessages(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/messages',
      tags: ['Outreach'],
      summary: 'The sent log across all partners, newest first (keyset pagination)',
      request: { query: MessageListQuerySchema },
      responses: { 200: json(MessageLogSchema, 'A page of sent messages'), ...errorResponses },
    }),
    async (c) => c.json(await listSentMessages(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/replies',
      tags: ['Outreach'],
      summary: 'Record their answer (stops the follow-up rule; interested/not_now → replied, no → declined)',
      request: { params: PartnerIdParamSchema, ...body(ReplyRequestSchema) },
      responses: { 201: json(ReplySchema, 'The reply'), ...errorResponses },
    }),
    async (c) => c.json(await recordReply(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/calls',
      tags: ['Calls'],
      summary: 'Book a fit call (local time in the workspace time zone; link defaults to the calendar link)',
      request: { params: PartnerIdParamSchema, ...body(CallBookSchema) },
      responses: { 201: json(CallSchema, 'The booked call'), ...errorResponses },
    }),
    async (c) => c.json(await bookCall(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/calls',
      tags: ['Calls'],
      summary: "A partner's calls",
      request: { params: PartnerIdParamSchema },
      responses: { 200: json(z.object({ items: z.array(CallSchema) }), 'Calls, earliest first'), ...errorResponses },
    }),
    async (c) => c.json(await partnerCalls(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/calls/{id}',
      tags: ['Calls'],
      summary: 'One call',
      request: { params: CallIdParamSchema },
      responses: { 200: json(CallSchema, 'The call'), ...errorResponses },
    }),
    async (c) => c.json(await showCall(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/calls/{id}',
      tags: ['Calls'],
      summary: 'Move a call or change its link, length or agenda (local time in the workspace time zone)',
      request: { params: CallIdParamSchema, ...body(CallPatchSchema) },
      responses: { 200: json(CallSchema, 'The call as it is now'), ...errorResponses },
    }),
    async (c) => c.json(await editCall(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/calls/{id}',
      tags: ['Calls'],
      summary: "Remove a call (booked by mistake or cancelled); the partner's stage is left as it is",
      request: { params: CallIdParamSchema },
      responses: { 200: json(CallSchema, 'The call that was removed'), ...errorResponses },
    }),
    async (c) => c.json(await removeCall(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/calls/{id}/complete',
      tags: ['Calls'],
      summary: 'Record the call notes (their ideal client, services, fit, next step); stage → call_done',
      request: { params: CallIdParamSchema, ...body(CallDoneSchema) },
      responses: { 200: json(CallSchema, 'The completed call'), ...errorResponses },
    }),
    async (c) => c.json(await completeCall(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/calls/{id}/ics',
      tags: ['Calls'],
      summary: 'The call as an .ics calendar file',
      request: { params: CallIdParamSchema },
      responses: { 200: calendar('The event'), ...errorResponses },
    }),
    async (c) => {
      const { filename, ics } = await callIcs(c.var.deps, c.var.ctx, c.req.valid('param').id);
      return c.body(ics, 200, { 'Content-Type': ICS, 'Content-Disposition': `attachment; filename="${filename}"` });
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/calendar.ics',
      tags: ['Calls'],
      summary: 'A calendar feed to subscribe to: every call and every pending follow-up due date',
      description:
        'An event that cannot be written (data from before links were checked) never fails the feed: it is left out, or its link is, and the feed says so in X-PARTNERLOOP-SKIPPED and X-PARTNERLOOP-WARNING lines.',
      responses: { 200: calendar('The feed'), ...errorResponses },
    }),
    async (c) => c.body(await calendarFeed(c.var.deps, c.var.ctx), 200, { 'Content-Type': ICS }),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/followups',
      tags: ['Outreach'],
      summary: 'Partners the follow-up rule is watching, with their state as of a day',
      request: { query: AsOfQuerySchema },
      responses: { 200: json(FollowUpListSchema, 'Follow-ups'), ...errorResponses },
    }),
    async (c) => c.json(await listFollowUps(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/today',
      tags: ['Outreach'],
      summary: "Today's agenda: follow-ups due and overdue, calls, silent partners, next actions",
      request: { query: AsOfQuerySchema },
      responses: { 200: json(TodaySchema, 'The agenda'), ...errorResponses },
    }),
    async (c) => c.json(await today(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );
}
