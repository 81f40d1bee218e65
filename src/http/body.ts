import { AppError } from '../domain/errors.js';

/** A JSON body that may be left out entirely (e.g. activate with no date): absent means `{}`. */
export async function optionalJson(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw AppError.validation([{ field: 'body', message: 'expected a JSON object' }]);
  }
}
