import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { loadDemo } from '../../app/demo.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

export function demoRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/demo',
      tags: ['Sample data'],
      summary: 'Fill an empty workspace with realistic sample data (refused once it has partners)',
      responses: {
        201: json(z.object({ partners: z.number().int() }), 'How many sample partners were added'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await loadDemo(c.var.deps, c.var.ctx), 201),
  );
}
