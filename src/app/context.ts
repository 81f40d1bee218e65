import type { Kysely } from 'kysely';
import type { Store } from '../store/db.js';
import type { DB } from '../store/schema.js';
import type { ReadCache } from './read-cache.js';

/**
 * Who is acting, on which workspace. Every use case takes it, so access control can be added
 * here once accounts exist instead of route by route.
 */
export interface Ctx {
  workspaceId: string;
  userId: string | null;
}

/** What the use cases need from the outside world; tests pass a fixed clock. */
export interface Deps {
  store: Store;
  clock: () => Date;
  newId: () => string;
  /** Sends e-mail when SMTP is configured; outreach is copied by hand otherwise. */
  mailer?: Mailer;
  /** Remembers read-only answers until the next write (the server has one; tests may not). */
  readCache?: ReadCache;
}

export interface OutgoingMail {
  from: string;
  fromName: string | null;
  to: string;
  toName: string | null;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** The configured From address, if any. */
  from: string | undefined;
}

export function nowIso(deps: Deps): string {
  return deps.clock().toISOString();
}

/** Runs `fn` in one transaction: either all of a command's writes land or none do. */
export function inTransaction<T>(deps: Deps, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return deps.store.transaction(fn);
}
