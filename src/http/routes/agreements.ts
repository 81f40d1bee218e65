import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  activateAgreement,
  addAgreement,
  disputeTerm,
  editAgreement,
  endAgreement,
  listAgreements,
  listAllAgreements,
  recordRefusal,
  showAgreement,
} from '../../app/agreements.js';
import { onePager, onePagerPdf } from '../../app/onepager.js';
import {
  AgreementCreateSchema,
  AgreementDateSchema,
  AgreementIdParamSchema,
  AgreementListAllQuerySchema,
  AgreementListSchema,
  AgreementPatchSchema,
  AgreementSchema,
  AgreementWithPartnerListSchema,
  DisputeResultSchema,
  DisputeSchema,
  InForceQuerySchema,
  RefusalSchema,
} from '../../contract/agreement.js';
import { PartnerIdParamSchema } from '../../contract/partner.js';
import { optionalJson } from '../body.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const body = <S extends z.ZodType>(schema: S, required = true) => ({
  body: { content: { 'application/json': { schema } }, required },
});

const tags = ['Agreements'];

export function agreementRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/partners/{id}/agreements',
      tags,
      summary: "A partner's agreements, newest first, and the one in force on a date (default today)",
      request: { params: PartnerIdParamSchema, query: InForceQuerySchema },
      responses: { 200: json(AgreementListSchema, 'The agreements'), ...errorResponses },
    }),
    async (c) =>
      c.json(await listAgreements(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/agreements',
      tags,
      summary: 'Propose an agreement (status proposed)',
      request: { params: PartnerIdParamSchema, ...body(AgreementCreateSchema) },
      responses: { 201: json(AgreementSchema, 'The proposal'), ...errorResponses },
    }),
    async (c) => c.json(await addAgreement(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/partners/{id}/refusal',
      tags,
      summary: 'Record that the partner declined: it moves to declined and open proposals close',
      request: { params: PartnerIdParamSchema, ...body(RefusalSchema, false) },
      responses: {
        200: json(
          z.object({ partnerId: z.string(), stage: z.string(), closedProposals: z.array(z.string()) }),
          'Recorded',
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await recordRefusal(c.var.deps, c.var.ctx, c.req.valid('param').id, await optionalJson(c)), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agreements',
      tags,
      summary: 'Every agreement with its partner, newest first (optionally one status)',
      request: { query: AgreementListAllQuerySchema },
      responses: { 200: json(AgreementWithPartnerListSchema, 'The agreements'), ...errorResponses },
    }),
    async (c) => c.json(await listAllAgreements(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agreements/{id}',
      tags,
      summary: 'One agreement',
      request: { params: AgreementIdParamSchema },
      responses: { 200: json(AgreementSchema, 'The agreement'), ...errorResponses },
    }),
    async (c) => c.json(await showAgreement(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/agreements/{id}',
      tags,
      summary: 'Edit the terms (fee lines of won referrals follow, paid ones excepted)',
      request: { params: AgreementIdParamSchema, ...body(AgreementPatchSchema) },
      responses: { 200: json(AgreementSchema, 'The agreement'), ...errorResponses },
    }),
    async (c) => c.json(await editAgreement(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  for (const [action, fn, summary] of [
    ['activate', activateAgreement, 'Put in force from `on` (ends the previous one that day; partner → agreement)'],
    ['end', endAgreement, 'End from `on` (default today; partner → ended)'],
  ] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/agreements/{id}/${action}`,
        tags,
        summary,
        request: { params: AgreementIdParamSchema, ...body(AgreementDateSchema, false) },
        responses: { 200: json(AgreementSchema, 'The agreement'), ...errorResponses },
      }),
      async (c) => c.json(await fn(c.var.deps, c.var.ctx, c.req.valid('param').id, await optionalJson(c)), 200),
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/agreements/{id}/dispute',
      tags,
      summary: 'Mark a term disputed (or settled with disputed=false); suggests sending the one-pager',
      request: { params: AgreementIdParamSchema, ...body(DisputeSchema) },
      responses: { 200: json(DisputeResultSchema, 'The agreement and the suggestion'), ...errorResponses },
    }),
    async (c) => c.json(await disputeTerm(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agreements/{id}/one-pager.md',
      tags,
      summary: 'The one-pager as Markdown',
      request: { params: AgreementIdParamSchema },
      responses: {
        200: { content: { 'text/markdown': { schema: z.string() } }, description: 'Markdown' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { markdown } = await onePager(c.var.deps, c.var.ctx, c.req.valid('param').id);
      return c.body(markdown, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': 'attachment; filename="agreement.md"',
      });
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/agreements/{id}/one-pager.pdf',
      tags,
      summary: 'The one-pager as PDF',
      request: { params: AgreementIdParamSchema },
      responses: {
        200: {
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
          description: 'PDF',
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const pdf = await onePagerPdf(c.var.deps, c.var.ctx, c.req.valid('param').id);
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="agreement.pdf"',
      });
    },
  );
}
