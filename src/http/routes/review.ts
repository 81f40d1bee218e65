import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { currentChecklist, listReviews, reviewFigures, saveReview, showReview } from '../../app/review.js';
import { reviewMarkdown } from '../../app/review-markdown.js';
import { IdSchema } from '../../contract/common.js';
import {
  ReviewQuerySchema,
  ReviewSaveSchema,
  ReviewSchema,
  SavedReviewListSchema,
  SavedReviewSchema,
} from '../../contract/review.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const tags = ['Review'];

export function reviewRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/review',
      tags,
      summary: 'Every review figure for a week, a month or a range (the current cadence period by default)',
      request: { query: ReviewQuerySchema },
      responses: { 200: json(ReviewSchema, 'The figures'), ...errorResponses },
    }),
    async (c) => c.json(await reviewFigures(c.var.deps, c.var.ctx, c.req.valid('query')), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/review.md',
      tags,
      summary: 'The same review as a Markdown page',
      request: { query: ReviewQuerySchema },
      responses: {
        200: { content: { 'text/markdown': { schema: z.string() } }, description: 'Markdown' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const review = await reviewFigures(c.var.deps, c.var.ctx, c.req.valid('query'));
      return c.body(reviewMarkdown(review), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/reviews',
      tags,
      summary: 'Save a review: a snapshot of the figures with your notes and decisions',
      request: { body: { content: { 'application/json': { schema: ReviewSaveSchema } }, required: true } },
      responses: { 201: json(SavedReviewSchema, 'The saved review'), ...errorResponses },
    }),
    async (c) => c.json(await saveReview(c.var.deps, c.var.ctx, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      tags,
      summary: 'Past reviews, newest first',
      responses: { 200: json(SavedReviewListSchema, 'Saved reviews'), ...errorResponses },
    }),
    async (c) => c.json(await listReviews(c.var.deps, c.var.ctx), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/reviews/{id}',
      tags,
      summary: 'One saved review with its snapshot',
      request: { params: z.object({ id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(SavedReviewSchema, 'The review'), ...errorResponses },
    }),
    async (c) => c.json(await showReview(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/checklist',
      tags,
      summary: "The guide's step checklist, computed from the records",
      responses: { 200: json(ReviewSchema.shape.checklist, 'The checklist'), ...errorResponses },
    }),
    async (c) => c.json(await currentChecklist(c.var.deps, c.var.ctx), 200),
  );
}
