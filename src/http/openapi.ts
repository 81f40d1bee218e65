import type { z } from '@hono/zod-openapi';
import type { Ctx, Deps } from '../app/context.js';
import { ErrorSchema } from '../contract/common.js';

export type HttpEnv = { Variables: { deps: Deps; ctx: Ctx } };

export function json<S extends z.ZodType>(schema: S, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export const errorResponses = {
  400: json(ErrorSchema, 'Bad input; `details.issues` names each field and what was expected'),
  404: json(ErrorSchema, 'No such record'),
  409: json(ErrorSchema, 'Refused: a duplicate, an illegal stage move or another conflict'),
} as const;
