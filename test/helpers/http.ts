import type { Ctx, Deps } from '../../src/app/context.js';
import { createHttpApp } from '../../src/http/app.js';

export interface ApiAnswer {
  status: number;
  type: string;
  /** The parsed JSON, or the text for any other content type. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever field the route answers
  body: any;
  /** The parsed JSON, or null for any other content type. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever field the route answers
  json: any;
  res: Response;
}

/** Calls `/api/v1` of an in-process app over `deps` (no port), as a JSON client would. */
export function apiCaller(deps: Deps, ctx: Ctx) {
  const app = createHttpApp({ deps, ctx, logError: () => {} });
  return async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const type = res.headers.get('content-type') ?? '';
    // Read a copy, so a test can still take the answer's bytes (a PDF) from `res`.
    const parsed = type.includes('json') ? await res.clone().json() : null;
    const text = parsed === null ? await res.clone().text() : null;
    return { status: res.status, type, body: parsed ?? text, json: parsed, res };
  };
}
