import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../domain/errors.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  not_found: 404,
  duplicate: 409,
  illegal_transition: 409,
  conflict: 409,
  unsupported_media_type: 415,
  forbidden: 403,
  misdirected_request: 421,
  payload_too_large: 413,
  delivery_failed: 502,
  unavailable: 503,
};

/** The one place errors become HTTP answers, all in the shape `{ error: { code, message, details } }`. */
export function errorResponse(err: unknown, c: Context, log: (e: unknown) => void) {
  if (err instanceof AppError) {
    return c.json({ error: { code: err.code, message: err.message, details: err.details } }, STATUS[err.code]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 400 ? 'bad_request' : `http_${err.status}`;
    return c.json({ error: { code, message: err.message, details: {} } }, err.status as ContentfulStatusCode);
  }
  log(err);
  return c.json(
    {
      error: {
        code: 'internal',
        message: 'Something went wrong on our side; the details are in the server log',
        details: {},
      },
    },
    500,
  );
}
