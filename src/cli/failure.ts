import { CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
import { EXIT, EXIT_BY_CODE, RowsRejected } from './exit-codes.js';
import { withFlagNames } from './field-flags.js';

/** The API's error shape, so a script reads a failure the same way from both. */
interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * Prints why a command failed, on stderr (as JSON with --json), and gives its exit code.
 * Commander has already printed its own usage errors unless `json` silenced it. `nameField`
 * turns an app field into the flag the user typed (src/cli/field-flags.ts).
 */
export function reportFailure(
  err: unknown,
  json: boolean,
  write: (text: string) => void,
  nameField: (field: string) => string = (f) => f,
): number {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return EXIT.done;
    if (json) write(body('bad_request', err.message.replace(/^error: /, ''), { reason: err.code }));
    return EXIT.refused;
  }
  if (err instanceof RowsRejected) return EXIT.rowsRejected;
  if (err instanceof AppError) {
    const named = withFlagNames(err, nameField);
    write(json ? body(named.code, named.message, named.details) : describe(named));
    return EXIT_BY_CODE[named.code];
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  write(
    json
      ? body('internal', err instanceof Error ? err.message : String(err), { stack })
      : `Unexpected failure: ${stack}`,
  );
  return EXIT.unexpected;
}

function body(code: string, message: string, details: Record<string, unknown>): string {
  const value: ErrorBody = { error: { code, message, details } };
  return JSON.stringify(value);
}

function describe(err: AppError): string {
  const issues = err.details.issues as { field: string; message: string }[] | undefined;
  const reason =
    err.code === 'validation_failed' && issues?.length
      ? `Error: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('\n       ')}`
      : `Error: ${err.message}`;
  const hint = typeof err.details.hint === 'string' ? `\nHint: ${err.details.hint}` : '';
  return `${reason}${hint}`;
}
