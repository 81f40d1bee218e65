import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../domain/errors.js';
import type { ImportField } from '../../domain/import/fields.js';
import type { DateOrder } from '../../domain/import/values.js';
import type { DB } from '../../store/schema.js';
import type { Ctx, Deps } from '../context.js';

/** What one row did: written, matched and changed, matched and already equal, or refused. */
export type RowOutcome = 'created' | 'updated' | 'unchanged' | { issues: FieldIssue[] };

export interface PrepareOptions {
  dateOrder: DateOrder;
}

/**
 * Everything the generic importer needs to know about one kind of record. Partners are the
 * first; referrals plug in as a second definition (their `writeBatch` resolves the partner).
 */
export interface ImportEntity<Row> {
  name: string;
  fields: readonly ImportField[];
  /** Fields some column must hold, or the file is refused before any row is read. */
  required: readonly string[];
  /** Pure and per row: mapped cells → a validated row, or the fields that are wrong. */
  prepare(cells: ReadonlyMap<string, string>, options: PrepareOptions): { row: Row } | { issues: FieldIssue[] };
  /** Matches and writes one batch in `db`'s transaction; one outcome per row, in order. */
  writeBatch(deps: Deps, db: Kysely<DB>, ctx: Ctx, rows: Row[]): Promise<RowOutcome[]>;
}
