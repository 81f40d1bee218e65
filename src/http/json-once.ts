import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

const texts = new WeakMap<object, string>();

/**
 * A 200 JSON answer whose text is kept with the value it was made from. The read cache hands
 * every request the same page object until something is written, and writing that page out
 * was two fifths of the server's time on a cached partner list; now it is written once. The
 * values it is given are never changed after they are answered (the cache shares them anyway).
 */
export function jsonOnce<T extends object>(c: Context, value: T): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  // Typed as c.json types it, so the route still checks against its OpenAPI schema.
  const response: Response = c.body(text, 200, { 'content-type': 'application/json' });
  return response as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
