import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  archivePartner,
  createPartner,
  editPartner,
  listPartnerPage,
  movePartner,
  partnerTimeline,
  restorePartner,
  showPartner,
} from '../../app/partners.js';
import {
  ActivityListQuerySchema,
  ActivityPageSchema,
  PartnerCreateSchema,
  PartnerIdParamSchema,
  PartnerListQuerySchema,
  PartnerPageSchema,
  PartnerPatchSchema,
  PartnerSchema,
  StageMoveSchema,
} from '../../contract/partner.js';
import { jsonOnce } from '../json-once.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const ForceQuerySchema = z.strictObject({
  force: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Save even if another partner has the same e-mail, LinkedIn URL or website' }),
});

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const tags = ['Partners'];

export function partnerRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners',
      tags,
      summary: 'List partners with filters, sorting and keyset pagination',
      request: { query: PartnerListQuerySchema },
      responses: { 200: json(PartnerPageSchema, 'One page of partners'), ...errorResponses },
    }),
    async (c) => jsonOnce(c, await listPartnerPage(c.var.deps, c.var.ctx, c.req.valid('query'))),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners',
      tags,
      summary: 'Add a partner (refused as a duplicate unless force=true)',
      request: { query: ForceQuerySchema, ...body(PartnerCreateSchema) },
      responses: { 201: json(PartnerSchema, 'The new partner'), ...errorResponses },
    }),
    async (c) => {
      const force = c.req.valid('query').force === 'true';
      return c.json(await createPartner(c.var.deps, c.var.ctx, c.req.valid('json'), { force }), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}',
      tags,
      summary: 'One partner',
      request: { params: PartnerIdParamSchema },
      responses: { 200: json(PartnerSchema, 'The partner'), ...errorResponses },
    }),
    async (c) => c.json(await showPartner(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/partners/{id}',
      tags,
      summary: 'Edit some fields of a partner (the stage moves through /stage)',
      request: { params: PartnerIdParamSchema, query: ForceQuerySchema, ...body(PartnerPatchSchema) },
      responses: { 200: json(PartnerSchema, 'The updated partner'), ...errorResponses },
    }),
    async (c) => {
      const force = c.req.valid('query').force === 'true';
      const id = c.req.valid('param').id;
      return c.json(await editPartner(c.var.deps, c.var.ctx, id, c.req.valid('json'), { force }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/stage',
      tags,
      summary: 'Move a partner to another stage (illegal moves are refused with the allowed ones)',
      request: { params: PartnerIdParamSchema, ...body(StageMoveSchema) },
      responses: { 200: json(PartnerSchema, 'The moved partner'), ...errorResponses },
    }),
    async (c) => c.json(await movePartner(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  for (const [action, fn, summary] of [
    ['archive', archivePartner, 'Archive a partner (hidden from lists, kept with its history)'],
    ['restore', restorePartner, 'Bring an archived partner back'],
  ] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/partners/{id}/${action}`,
        tags,
        summary,
        request: { params: PartnerIdParamSchema },
        responses: { 200: json(PartnerSchema, 'The partner'), ...errorResponses },
      }),
      async (c) => c.json(await fn(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
    );
  }

  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/activities',
      tags,
      summary: "The partner's timeline, newest first",
      request: { params: PartnerIdParamSchema, query: ActivityListQuerySchema },
      responses: { 200: json(ActivityPageSchema, 'One page of the timeline'), ...errorResponses },
    }),
    async (c) =>
      c.json(await partnerTimeline(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
