import type { ErrorCode } from '../domain/errors.js';

/**
 * The CLI's exit codes, documented in the README's CLI section. Scripts branch on them, so a
 * code's meaning never changes; a new kind of outcome gets a new number.
 */
export const EXIT = {
  done: 0,
  /** A bug: the stack trace is on stderr. */
  unexpected: 1,
  /** Bad input or a refused action; stderr names the field, flag, setting or rule. */
  refused: 2,
  /** An import finished (or its dry run did) but rejected some rows; the report lists them. */
  rowsRejected: 3,
  /** The database (or the mail server) could not be used; nothing changed; stderr has a hint. */
  unavailable: 4,
} as const;

/** The one map from an AppError's code to the exit code (the HTTP status lives in src/http/errors.ts). */
export const EXIT_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: EXIT.refused,
  not_found: EXIT.refused,
  duplicate: EXIT.refused,
  illegal_transition: EXIT.refused,
  conflict: EXIT.refused,
  unsupported_media_type: EXIT.refused,
  // The HTTP server's refusals; the CLI never meets them, but the map stays total.
  forbidden: EXIT.refused,
  misdirected_request: EXIT.refused,
  payload_too_large: EXIT.refused,
  delivery_failed: EXIT.unavailable,
  unavailable: EXIT.unavailable,
};

/** Thrown after an import's report is printed, so the process ends with EXIT.rowsRejected. */
export class RowsRejected extends Error {
  constructor(readonly rejected: number) {
    super(`${rejected} rows rejected`);
    this.name = 'RowsRejected';
  }
}
