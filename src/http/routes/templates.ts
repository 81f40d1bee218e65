import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addTemplate, convertTemplateText, editTemplate, listTemplatesOf, showTemplate } from '../../app/templates.js';
import {
  BracketConvertedSchema,
  BracketConvertSchema,
  TemplateCreateSchema,
  TemplateIdParamSchema,
  TemplatePatchSchema,
  TemplateSchema,
} from '../../contract/outreach.js';
import { MERGE_FIELDS } from '../../domain/template.js';
import { errorResponses, type HttpEnv, json } from '../openapi.js';

const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const tags = ['Templates'];

export function templateRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      tags,
      summary: 'Message templates (the three defaults are created on first use)',
      responses: { 200: json(z.object({ items: z.array(TemplateSchema) }), 'All templates'), ...errorResponses },
    }),
    async (c) => c.json(await listTemplatesOf(c.var.deps, c.var.ctx), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/templates/fields',
      tags,
      summary: 'The merge fields a template may use',
      responses: {
        200: json(z.object({ items: z.array(z.object({ field: z.string(), label: z.string() })) }), 'Merge fields'),
      },
    }),
    (c) => c.json({ items: Object.entries(MERGE_FIELDS).map(([field, label]) => ({ field, label })) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/templates/convert',
      tags,
      summary: "Convert text in the guide's [Name] bracket style to merge fields",
      request: body(BracketConvertSchema),
      responses: { 200: json(BracketConvertedSchema, 'The converted text'), ...errorResponses },
    }),
    (c) => c.json(convertTemplateText(c.req.valid('json')), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/templates',
      tags,
      summary: 'Add a template (unknown merge fields and broken syntax are refused with their position)',
      request: body(TemplateCreateSchema),
      responses: { 201: json(TemplateSchema, 'The new template'), ...errorResponses },
    }),
    async (c) => c.json(await addTemplate(c.var.deps, c.var.ctx, c.req.valid('json')), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/templates/{id}',
      tags,
      summary: 'One template, by id or name',
      request: { params: TemplateIdParamSchema },
      responses: { 200: json(TemplateSchema, 'The template'), ...errorResponses },
    }),
    async (c) => c.json(await showTemplate(c.var.deps, c.var.ctx, c.req.valid('param').id), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/templates/{id}',
      tags,
      summary: 'Edit a template',
      request: { params: TemplateIdParamSchema, ...body(TemplatePatchSchema) },
      responses: { 200: json(TemplateSchema, 'The saved template'), ...errorResponses },
    }),
    async (c) => c.json(await editTemplate(c.var.deps, c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
