import Database from 'better-sqlite3';
import type { WriterLog } from './writers.js';

export interface Verdict {
  acked: number;
  lost: string[];
  integrity: string;
  foreignKeys: number;
}

/**
 * Reads the database file itself (beside the restarted server, as WAL allows) and checks that
 * every acknowledged write is there: created rows with their ids and values, and each writer's
 * notes no older than its last acknowledged overwrite. Then SQLite's own integrity checks.
 */
export function verifyAcked(file: string, log: WriterLog): Verdict {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const leads = new Map(
      (db.prepare("select id, lead_name as v from referrals where lead_name like 'crash lead %'").all() as Row[]).map(
        (r) => [r.id, r.v],
      ),
    );
    const partners = new Map(
      (db.prepare("select id, name as v from partners where name like 'Crash partner %'").all() as Row[]).map((r) => [
        r.id,
        r.v,
      ]),
    );
    const lost: string[] = [];
    let acked = 0;
    for (const w of log.writes) {
      if (!w.acked || w.kind === 'notes') continue;
      acked += 1;
      const found = (w.kind === 'referral' ? leads : partners).get(w.id!);
      if (found !== w.value) lost.push(`${w.kind} ${w.id} "${w.value}" (found ${JSON.stringify(found ?? null)})`);
    }
    const notes = db.prepare('select notes from partners where id = ?').pluck();
    log.own.forEach((partnerId, writer) => {
      const mine = log.writes.filter((w) => w.kind === 'notes' && w.writer === writer);
      const lastAcked = mine.findLastIndex((w) => w.acked);
      if (lastAcked < 0) return;
      acked += 1;
      // The last acknowledged value, or one sent after it whose answer the kill cut off.
      const allowed = new Set(mine.slice(lastAcked).map((w) => w.value));
      const now = notes.get(partnerId) as string | null;
      if (!now || !allowed.has(now))
        lost.push(`notes of writer ${writer}: "${mine[lastAcked]!.value}" (found "${now}")`);
    });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
    return { acked, lost, integrity, foreignKeys };
  } finally {
    db.close();
  }
}

interface Row {
  id: string;
  v: string;
}
