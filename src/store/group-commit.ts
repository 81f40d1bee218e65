import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

type Member = {
  fn: (db: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
};

/** A bound on one group, so a steady stream of writes still reaches the disk now and then. */
const MAX_MEMBERS = 100;

/**
 * Write transactions on one SQLite connection, committed together. A durable commit waits for
 * the disk, and the writes that arrive meanwhile (other requests) used to queue for a commit
 * each. Here they join the open transaction instead, each inside a savepoint of its own: one
 * that fails is rolled back to its savepoint and rejected alone, and the others commit with one
 * sync. Every caller's promise settles only after the commit, so nothing is acknowledged before
 * it is on disk; a failed commit rejects every member of the group.
 */
export function groupCommit(db: Kysely<DB>): <T>(fn: (db: Kysely<DB>) => Promise<T>) => Promise<T> {
  const queue: Member[] = [];
  let running = false;

  // Writes of other requests arrive as I/O, which waits until the promises of this one are
  // done; one turn of the event loop lets them parse and join before the group commits.
  const joiners = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return queue.shift();
  };

  const runGroup = async () => {
    const done: { member: Member; value: unknown }[] = [];
    let current: Member | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        for (let taken = 0; taken < MAX_MEMBERS; taken++) {
          current = queue.shift() ?? (await joiners());
          if (!current) break;
          await sql`savepoint member`.execute(trx);
          try {
            const value = await current.fn(trx);
            await sql`release member`.execute(trx);
            done.push({ member: current, value });
          } catch (err) {
            try {
              await sql`rollback to member`.execute(trx);
              await sql`release member`.execute(trx);
            } catch {
              // SQLite ended the whole transaction (a full disk, say): the group fails with the cause.
              throw err;
            }
            current.reject(err);
          }
          current = undefined;
        }
      });
    } catch (err) {
      current?.reject(err);
      for (const { member } of done) member.reject(err);
      return;
    }
    for (const { member, value } of done) member.resolve(value);
  };

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) await runGroup();
    } finally {
      running = false;
    }
  };

  return <T>(fn: (db: Kysely<DB>) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!running) void drain();
    });
}
