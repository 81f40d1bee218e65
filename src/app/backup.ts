import { AppError } from '../domain/errors.js';
import {
  BACKUP_TABLES,
  type BackupTable,
  deleteRows,
  hasRows,
  inReadSnapshot,
  insertRows,
  readPage,
  tableColumns,
  updateWorkspaceRow,
  vacuumInto,
} from '../store/backup.js';
import { recordName, rowProblem, storeRefusal } from './backup-rows.js';
import { type Ctx, type Deps, inTransaction, nowIso } from './context.js';

export const BACKUP_FORMAT = 'partnerloop-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  tables: string[];
  workspaceId: string;
  dialect: string;
  createdAt: string;
}

export type TableCounts = Record<string, number>;

const PAGE = 1000;

/**
 * Writes the workspace as JSON Lines: a header, then `{"table","row"}` lines table by table in
 * the order restores need, all read in one snapshot. `write` receives chunks of whole lines.
 */
export async function backupWorkspace(
  deps: Deps,
  ctx: Ctx,
  write: (chunk: string) => Promise<void> | void,
): Promise<TableCounts> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    tables: BACKUP_TABLES.map((t) => t.name),
    workspaceId: ctx.workspaceId,
    dialect: deps.store.dialect,
    createdAt: nowIso(deps),
  };
  await write(`${JSON.stringify(header)}\n`);
  return inReadSnapshot(deps.store.db, deps.store.dialect, async (db) => {
    const counts: TableCounts = {};
    for (const table of BACKUP_TABLES) {
      counts[table.name] = 0;
      let after: unknown[] | undefined;
      while (true) {
        const rows = await readPage(db, table, ctx.workspaceId, PAGE, after);
        if (rows.length === 0) break;
        await write(rows.map((row) => `${JSON.stringify({ table: table.name, row })}\n`).join(''));
        counts[table.name] = (counts[table.name] ?? 0) + rows.length;
        const last = rows.at(-1) as Record<string, unknown>;
        after = table.order.map((c) => last[c]);
        if (rows.length < PAGE) break;
      }
    }
    return counts;
  });
}

export interface RestoreOptions {
  /** Replace the workspace's data instead of refusing a workspace that has some. */
  force?: boolean;
}

/**
 * Loads a backup into this workspace in one transaction: all of it or nothing. Rows keep their
 * ids, so the same backup can be restored into another database (SQLite or PostgreSQL) or,
 * with `force`, back over the workspace it came from.
 */
export async function restoreWorkspace(
  deps: Deps,
  ctx: Ctx,
  lines: AsyncIterable<string>,
  options: RestoreOptions = {},
): Promise<TableCounts> {
  const iterator = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  const nextLine = async (): Promise<string | undefined> => {
    while (true) {
      const next = await iterator.next();
      if (next.done) return undefined;
      lineNo += 1;
      if (next.value.trim() !== '') return next.value;
    }
  };
  const bad = (message: string) => AppError.validation([{ field: 'file', message: `line ${lineNo}: ${message}` }]);
  const first = await nextLine();
  const header = parseJson(first ?? '') as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT) throw bad('this is not a Partnerloop backup (no backup header)');
  if (header.version !== BACKUP_VERSION) {
    throw bad(`backup format version ${header.version} is not supported; this version reads ${BACKUP_VERSION}`);
  }
  const known = new Map(BACKUP_TABLES.map((t) => [t.name, t]));
  const unknown = (header.tables ?? []).filter((t) => !known.has(t));
  if (unknown.length > 0) throw bad(`the backup holds tables this version does not know: ${unknown.join(', ')}`);

  return inTransaction(deps, async (db) => {
    const columns = await tableColumns(db, deps.store.dialect);
    const children = BACKUP_TABLES.filter((t) => t.scope !== 'id');
    const occupied = [];
    for (const t of children) if (await hasRows(db, t, ctx.workspaceId)) occupied.push(t.name);
    if (occupied.length > 0 && !options.force) {
      throw new AppError(
        'conflict',
        `The workspace already holds data (${occupied.join(', ')}); restore into an empty one, or use force to replace it`,
        { tables: occupied },
      );
    }
    for (const t of [...children].reverse()) await deleteRows(db, t, ctx.workspaceId);

    const counts: TableCounts = Object.fromEntries(BACKUP_TABLES.map((t) => [t.name, 0]));
    let current: BackupTable | undefined;
    let buffer: Record<string, unknown>[] = [];
    let bufferLines: number[] = [];
    const flush = async () => {
      const table = current;
      if (table && buffer.length > 0) {
        await insertRows(db, table, buffer).catch((err: unknown) => {
          throw explainConflict(err) ?? storeRefusal(err, table.name, bufferLines) ?? err;
        });
      }
      buffer = [];
      bufferLines = [];
    };
    for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
      const entry = parseJson(line) as { table?: string; row?: Record<string, unknown> } | undefined;
      const table = entry?.table ? known.get(entry.table) : undefined;
      if (!entry?.row || typeof entry.row !== 'object' || !table) throw bad('expected {"table": …, "row": {…}}');
      if (current && BACKUP_TABLES.indexOf(table) < BACKUP_TABLES.indexOf(current)) {
        throw bad(`rows of ${table.name} come after ${current.name}; the backup is out of order`);
      }
      const allowed = columns.get(table.name) ?? new Set<string>();
      const extra = Object.keys(entry.row).filter((c) => !allowed.has(c));
      if (extra.length > 0) throw bad(`${table.name} has no column ${extra.join(', ')}`);
      // Checked here, with the line at hand, rather than left to the driver: the whole file is
      // refused (nothing is restored) with the record and the column to fix.
      const problem = rowProblem(entry.row);
      if (problem) {
        const record = recordName(table.name, entry.row);
        throw AppError.validation([
          { field: 'file', message: `line ${lineNo}: ${record}, column ${problem.column}: ${problem.message}` },
        ]);
      }
      if (table !== current) {
        await flush();
        current = table;
      }
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (table.scope === 'id') {
        const at = lineNo;
        await updateWorkspaceRow(db, ctx.workspaceId, entry.row).catch((err: unknown) => {
          throw storeRefusal(err, table.name, [at]) ?? err;
        });
        continue;
      }
      buffer.push({ ...entry.row, [table.scope]: ctx.workspaceId });
      bufferLines.push(lineNo);
      if (buffer.length >= PAGE) await flush();
    }
    await flush();
    return counts;
  });
}

/** A hot copy of the whole SQLite database file (every workspace in it). */
export async function sqliteCopy(deps: Deps, file: string): Promise<void> {
  if (deps.store.dialect !== 'sqlite') {
    throw new AppError(
      'conflict',
      'A database file copy is for SQLite only; on PostgreSQL use "partnerloop backup --out FILE" or pg_dump',
    );
  }
  await vacuumInto(deps.store.db, file);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function explainConflict(err: unknown): AppError | null {
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new AppError(
      'conflict',
      'Some records of this backup already exist in another workspace of this database; restore into another database',
      { cause: err instanceof Error ? err.message : String(err) },
    );
  }
  return null;
}
