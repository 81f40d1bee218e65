import { AppError } from '../domain/errors.js';
import { textProblem } from '../domain/text.js';

/**
 * Checks one backup row before it reaches a driver. A SQLite database may hold text the API
 * no longer accepts (U+0000 above all, which PostgreSQL cannot store); restoring such a backup
 * must name the record and the column to fix instead of failing deep in the driver.
 */
export function rowProblem(row: Record<string, unknown>): { column: string; message: string } | null {
  for (const [column, value] of Object.entries(row)) {
    if (value === null || typeof value === 'number') continue;
    if (typeof value !== 'string') return { column, message: 'expected text, a number or null' };
    // Multi-line rules: any text column may hold line breaks, none may hold other controls.
    const problem = textProblem(value, 'text');
    if (problem) return { column, message: problem };
  }
  return null;
}

/** The record a backup line holds, as a person finds it in the file: `partners 01k…`. */
export function recordName(table: string, row: Record<string, unknown>): string {
  const id = row.id ?? row.partner_id;
  return typeof id === 'string' || typeof id === 'number' ? `${table} ${id}` : table;
}

/**
 * A driver's refusal of a batch of rows (a value of the wrong type, a missing parent) as an
 * answer naming the lines it came from; the driver's own words stay in the server's details
 * only as the SQL state, never its internals.
 */
export function storeRefusal(err: unknown, table: string, lines: readonly number[]): AppError | null {
  const code = String((err as { code?: unknown }).code ?? '');
  // PostgreSQL: class 22 is bad data, 23 a broken constraint; SQLite: constraint or mismatch.
  const refused = /^2[23]/.test(code) || code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH';
  if (!refused && !(err instanceof TypeError || err instanceof RangeError)) return null;
  const first = lines[0] ?? 0;
  const last = lines.at(-1) ?? first;
  const where = first === last ? `line ${first}` : `one of lines ${first}–${last}`;
  const message = `${where}: the ${table} row could not be stored (a value of the wrong kind, or a missing or repeated record)`;
  return new AppError('validation_failed', `file: ${message}`, {
    issues: [{ field: 'file', message }],
    table,
    lines: { first, last },
    ...(code ? { sqlState: code } : {}),
  });
}
