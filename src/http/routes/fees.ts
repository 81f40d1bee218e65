import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { feeTotals, listFees, payFeeLine, unpayFeeLine } from '../../app/fees.js';
import {
  FeeLineIdParamSchema,
  FeeLineSchema,
  FeePageSchema,
  FeePaySchema,
  FeeQuerySchema,
  FeeTotalsQuerySchema,
  FeeTotalsSchema,
} from '../../contract/fee.js';
import { optionalJson } from '../body.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const tags = ['Fees'];
const LineSchema = FeeLineSchema.omit({ partnerName: true, leadName: true, overdue: true });

export function feeRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/fees',
      tags,
      summary: 'Fee lines, oldest due first, by partner, direction, status and due-date period',
      request: { query: FeeQuerySchema },
      responses: { 200: json(FeePageSchema, 'One page of fee lines'), ...errorResponses },
    }),
    async (c) => c.json(await listFees(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/fees/totals',
      tags,
      summary: 'Due, overdue and paid each way, overall and per partner, for a due-date period',
      request: { query: FeeTotalsQuerySchema },
      responses: { 200: json(FeeTotalsSchema, 'The totals'), ...errorResponses },
    }),
    async (c) => c.json(await feeTotals(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/fees/{id}/pay',
      tags,
      summary: 'Mark a fee line paid on a date (default today)',
      request: {
        params: FeeLineIdParamSchema,
        body: { content: { 'application/json': { schema: FeePaySchema } }, required: false },
      },
      responses: { 200: json(LineSchema, 'The line'), ...errorResponses },
    }),
    async (c) => {
      const input = await optionalJson(c);
      return c.json(await payFeeLine(c.var.deps, c.var.ctx, c.req.valid('param').id, input), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/fees/{id}/unpay',
      tags,
      summary: 'Mark a paid fee line unpaid again',
      request: { params: FeeLineIdParamSchema },
      responses: { 200: json(LineSchema, 'The line'), ...errorResponses },
    }),
    async (c) => c.json(await unpayFeeLine(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );
}
