import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../domain/errors.js';

const MiB = 1024 * 1024;
/** Every JSON body the API takes is a form's worth; a megabyte is far more than any needs. */
export const JSON_BODY_LIMIT = MiB;
/** About 200,000 partner rows; bigger files go through the CLI, which reads them from disk. */
export const CSV_BODY_LIMIT = 20 * MiB;

/** The CSV import and preview routes, the only ones whose body is a file. */
export function isCsvUpload(path: string): boolean {
  return /^\/api\/v1\/import\/[^/]+(\/preview)?$/.test(path);
}

/**
 * Refuses a body over its route's limit with 413 as soon as that is known. Hono's bodyLimit
 * decides from Content-Length alone when there is one and passes the body on untouched, so
 * imports keep streaming; a chunked body without a length is read into memory up to the limit
 * before the route runs, so an oversized chunked import is refused before any row is written.
 */
export function bodyLimits(): MiddlewareHandler {
  const json = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => tooLarge(JSON_BODY_LIMIT, 'a JSON body') });
  const csv = bodyLimit({
    maxSize: CSV_BODY_LIMIT,
    onError: () => tooLarge(CSV_BODY_LIMIT, 'a CSV file; import bigger files with the CLI (partnerloop import)'),
  });
  return (c, next) => (isCsvUpload(c.req.path) ? csv : json)(c, next);
}

function tooLarge(limit: number, what: string): never {
  throw new AppError(
    'payload_too_large',
    `The request body is larger than the ${limit / MiB} MiB allowed for ${what}`,
    {
      limitBytes: limit,
    },
  );
}
