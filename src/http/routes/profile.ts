import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { setProfile, showProfile } from '../../app/profile.js';
import { ProfilePatchSchema, ProfileSchema } from '../../contract/profile.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

export function profileRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/profile',
      tags: ['Profile'],
      summary: 'The agency profile and workspace settings',
      responses: { 200: json(ProfileSchema, 'The profile'), ...errorResponses },
    }),
    async (c) => c.json(await showProfile(c.var.deps, c.var.ctx), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/profile',
      tags: ['Profile'],
      summary: 'Change some profile fields',
      request: { body: { content: { 'application/json': { schema: ProfilePatchSchema } }, required: true } },
      responses: { 200: json(ProfileSchema, 'The updated profile'), ...errorResponses },
    }),
    async (c) => c.json(await setProfile(c.var.deps, c.var.ctx, c.req.valid('json')), 200),
  );
}
