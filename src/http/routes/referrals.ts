import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addReferral,
  editReferral,
  endClient,
  flaggedPartners,
  judgeFit,
  listReferralPage,
  markLost,
  markWon,
  partnerFlags,
  partnerReciprocity,
  reopenReferral,
  showReferral,
} from '../../app/referrals.js';
import { FeeLineSchema } from '../../contract/fee.js';
import { PartnerIdParamSchema } from '../../contract/partner.js';
import {
  PartnerFlagsSchema,
  ReciprocitySchema,
  ReferralCreateSchema,
  ReferralEndSchema,
  ReferralFitSchema,
  ReferralIdParamSchema,
  ReferralListQuerySchema,
  ReferralLostSchema,
  ReferralPageSchema,
  ReferralPatchSchema,
  ReferralSchema,
  ReferralWonSchema,
} from '../../contract/referral.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const ReferralDetailSchema = ReferralSchema.extend({
  feeLines: z.array(FeeLineSchema.omit({ partnerName: true, leadName: true, overdue: true })),
}).openapi('ReferralDetail');

const tags = ['Referrals'];

export function referralRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/referrals',
      tags,
      summary: 'The referral log, newest first, with filters and keyset pagination',
      request: { query: ReferralListQuerySchema },
      responses: { 200: json(ReferralPageSchema, 'One page'), ...errorResponses },
    }),
    async (c) => c.json(await listReferralPage(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/referrals',
      tags,
      summary: 'Log a referral received or given',
      request: body(ReferralCreateSchema),
      responses: { 201: json(ReferralSchema, 'The referral'), ...errorResponses },
    }),
    async (c) => c.json(await addReferral(c.var.deps, c.var.ctx, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/referrals/{id}',
      tags,
      summary: 'One referral with its fee lines',
      request: { params: ReferralIdParamSchema },
      responses: { 200: json(ReferralDetailSchema, 'The referral'), ...errorResponses },
    }),
    async (c) => c.json(await showReferral(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/referrals/{id}',
      tags,
      summary: 'Edit a referral (a won one’s monthly value or start date re-derives its unpaid fee lines)',
      request: { params: ReferralIdParamSchema, ...body(ReferralPatchSchema) },
      responses: { 200: json(ReferralDetailSchema, 'The referral'), ...errorResponses },
    }),
    async (c) => c.json(await editReferral(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  const actions = [
    ['won', markWon, ReferralWonSchema, 'Won: monthly value (minor units) and the client’s start date'],
    ['lost', markLost, ReferralLostSchema, 'Lost, with a reason'],
    ['end', endClient, ReferralEndSchema, 'A won client stopped on a date'],
    ['fit', judgeFit, ReferralFitSchema, 'Judge the fit: good, bad or null'],
  ] as const;
  for (const [action, fn, schema, summary] of actions) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/referrals/{id}/${action}`,
        tags,
        summary,
        request: { params: ReferralIdParamSchema, ...body(schema) },
        responses: { 200: json(ReferralDetailSchema, 'The referral'), ...errorResponses },
      }),
      async (c) => c.json(await fn(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/referrals/{id}/reopen',
      tags,
      summary: 'Back to pending (unpaid fee lines are withdrawn; paid ones stay)',
      request: { params: ReferralIdParamSchema },
      responses: { 200: json(ReferralDetailSchema, 'The referral'), ...errorResponses },
    }),
    async (c) => c.json(await reopenReferral(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/reciprocity',
      tags,
      summary: 'Referrals received vs given with this partner, counts and won monthly value',
      request: { params: PartnerIdParamSchema },
      responses: { 200: json(ReciprocitySchema, 'The figures'), ...errorResponses },
    }),
    async (c) => c.json(await partnerReciprocity(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/flags',
      tags,
      summary: 'Quality flags (bad-fit escalation) and the actions they suggest',
      request: { params: PartnerIdParamSchema },
      responses: { 200: json(PartnerFlagsSchema, 'The flags'), ...errorResponses },
    }),
    async (c) => c.json(await partnerFlags(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/flags',
      tags,
      summary: 'Every partner flagged by the bad-fit rule, with the suggested action (for Today)',
      responses: {
        200: json(
          z
            .object({ items: z.array(PartnerFlagsSchema.extend({ partnerName: z.string() })) })
            .openapi('FlaggedPartners'),
          'Flagged partners',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await flaggedPartners(c.var.deps, c.var.ctx), 200),
  );
}
