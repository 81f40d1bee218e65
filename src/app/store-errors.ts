import path from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';

type Where = Pick<Config, 'dataDir' | 'databaseUrl'>;

/**
 * Runs `fn`, which opens the configured database, and turns the ways that fails for a reason
 * outside the program (a damaged file, a data folder that is a file, PostgreSQL down or
 * refusing us) into an `unavailable` AppError with the reason in one line and a hint, instead
 * of a stack trace. Anything else is still a bug and passes through.
 */
export async function openingStore<T>(where: Where, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw (where.databaseUrl ? postgresFailure(err, where.databaseUrl) : sqliteFailure(err, where.dataDir)) ?? err;
  }
}

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');
const unavailable = (message: string, hint: string) => new AppError('unavailable', message, { hint });

function sqliteFailure(err: unknown, dataDir: string): AppError | undefined {
  const code = codeOf(err);
  const file = path.join(dataDir, 'partnerloop.db');
  const dirHint = 'point --data-dir (or DATA_DIR) at a folder Partnerloop may write in';
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return unavailable(`the data folder ${dataDir} is a file (or lies under one), not a folder`, dirHint);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return unavailable(
      `${file} is not a Partnerloop database or is damaged (${(err as Error).message})`,
      'move the file aside and restore your latest backup into an empty folder: partnerloop --data-dir NEW restore BACKUP',
    );
  }
  if (['EACCES', 'EPERM', 'EROFS'].includes(code) || /^SQLITE_(CANTOPEN|READONLY|PERM)/.test(code)) {
    return unavailable(`cannot open ${file} for writing (${(err as Error).message})`, dirHint);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return unavailable(`the disk holding ${dataDir} is full`, 'free some space, or move the data folder');
  }
  return undefined;
}

const CONNECTION_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'];

function postgresFailure(err: unknown, url: string): AppError | undefined {
  const code = codeOf(err);
  const at = describeUrl(url);
  const urlHint = 'check --database-url (or DATABASE_URL): postgres://USER:PASSWORD@HOST:PORT/DATABASE';
  if (CONNECTION_CODES.includes(code) || code === 'ECONNRESET') {
    return unavailable(
      `cannot reach PostgreSQL at ${at.server} (${code})`,
      'check that PostgreSQL is running there and that --database-url (or DATABASE_URL) names it: postgres://USER:PASSWORD@HOST:PORT/DATABASE',
    );
  }
  // SQLSTATE classes 28 (authorization) and 3D000 (no such database); 57P03 is "starting up".
  if (code.startsWith('28')) return unavailable(`PostgreSQL at ${at.server} refused user ${at.user}`, urlHint);
  if (code === '3D000') {
    return unavailable(
      `PostgreSQL at ${at.server} has no database "${at.database}"`,
      `create it (createdb ${at.database}) or ${urlHint.replace('check', 'fix')}`,
    );
  }
  if (code === '57P03') return unavailable(`PostgreSQL at ${at.server} is starting up`, 'try again in a moment');
  if (err instanceof TypeError && /Invalid URL/i.test(err.message)) {
    return unavailable('the database URL is not a URL', urlHint);
  }
  return undefined;
}

/** Where a URL points, without its password. */
function describeUrl(url: string): { server: string; user: string; database: string } {
  try {
    const u = new URL(url);
    return {
      server: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
      user: decodeURIComponent(u.username) || '(default)',
      database: decodeURIComponent(u.pathname.slice(1)) || '(default)',
    };
  } catch {
    return { server: 'the configured server', user: '(unknown)', database: '(unknown)' };
  }
}
