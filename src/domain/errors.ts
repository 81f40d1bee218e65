/**
 * The one error type every layer throws for an expected refusal. Adapters translate `code`
 * (HTTP status, CLI exit code) in one place each; anything that is not an AppError is a bug.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'duplicate'
  | 'illegal_transition'
  | 'conflict'
  | 'unsupported_media_type'
  /** A write from another site's page (Origin or Sec-Fetch-Site say so). */
  | 'forbidden'
  /** The Host is not an address this server is served at (e.g. a DNS rebinding page). */
  | 'misdirected_request'
  /** The request body is larger than the route accepts. */
  | 'payload_too_large'
  /** An outside service (the SMTP server) refused or failed; nothing was recorded. */
  | 'delivery_failed'
  /** The database cannot be opened or reached; `details.hint` says what to check. */
  | 'unavailable';

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(issues: FieldIssue[]): AppError {
    const message = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ');
    return new AppError('validation_failed', message, { issues });
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('not_found', `${what} ${id} was not found`, { id });
  }
}
