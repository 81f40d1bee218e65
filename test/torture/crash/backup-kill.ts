import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Rng } from '../../../bench/rng.js';
import { partnerloop } from '../cli.js';
import type { Failures } from '../failures.js';
import type { ServerProcess } from '../server.js';
import type { TortureSizes } from '../sizes.js';
import { runWriters, type WriterLog } from './writers.js';

export interface BackupFigures {
  /** Milliseconds of one uninterrupted `partnerloop backup` of the crash test's data. */
  backupMs: number;
  backupRows: number;
  killedDuringBackup: number;
  finishedBeforeKill: number;
  killedDuringRestore: number;
  restoreMs: number;
}

/**
 * kill -9 of `partnerloop backup --out F` at random moments while writers keep the server busy:
 * F must never exist half-written (a complete backup or nothing). Then the last complete backup
 * is restored into a fresh folder (and a restore is killed too: all of it or none of it must be
 * there), and the restored workspace must hold exactly the backup's rows.
 */
export async function backupKills(
  dir: string,
  server: ServerProcess,
  sizes: TortureSizes,
  rng: Rng,
  failures: Failures,
  log: (s: string) => void,
): Promise<BackupFigures> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-backup-kill-'));
  const own = (await (await fetch(`${server.url}/api/v1/partners?q=Crash%20writer&limit=50`)).json()) as {
    items: { id: string; name: string }[];
  };
  const writerLog: WriterLog = {
    writes: [],
    own: own.items.sort((a, b) => a.name.localeCompare(b.name)).map((p) => p.id),
  };
  const where = { dataDir: dir };
  let stop = false;
  // Writers keep going through every backup; they end when the probe stops the server.
  const busy = (async () => {
    for (let round = 0; !stop; round++) {
      await runWriters(server.url, writerLog, rng, 10_000 + round).catch((e) => {
        if (!stop) throw e;
      });
    }
  })();
  try {
    const full = await partnerloop(['backup', '--out', path.join(work, 'full.jsonl')], where);
    if (full.code !== 0) throw new Error(`partnerloop backup failed: ${full.stderr}`);
    const figures: BackupFigures = {
      backupMs: full.ms,
      backupRows: lines(path.join(work, 'full.jsonl')).length - 1,
      killedDuringBackup: 0,
      finishedBeforeKill: 0,
      killedDuringRestore: 0,
      restoreMs: 0,
    };
    let lastComplete = path.join(work, 'full.jsonl');
    for (let k = 0; k < sizes.backupKillTrials; k++) {
      const out = path.join(work, `killed-${k}.jsonl`);
      const run = await partnerloop(['backup', '--out', out], where, rng.int(50, Math.round(full.ms * 1.1)));
      if (run.killed) figures.killedDuringBackup += 1;
      else figures.finishedBeforeKill += 1;
      if (!fs.existsSync(out)) continue;
      // A file under the chosen name must be whole: a header, then only complete JSON lines.
      const problem = wholeBackup(out);
      if (problem)
        failures.add({ kind: 'half-written backup under its final name', where: `backup ${k}`, input: problem });
      else lastComplete = out;
    }
    stop = true;
    await server.kill9().catch(() => undefined);
    await busy;

    // Restore the last complete backup into a fresh folder; a killed restore leaves all or nothing.
    const expected = lines(lastComplete).filter(
      (l) => l.startsWith('{"table":') && !l.startsWith('{"table":"workspaces"'),
    ).length;
    for (let k = 0; k < sizes.backupKillTrials; k++) {
      const target = fs.mkdtempSync(path.join(work, 'restore-killed-'));
      const run = await partnerloop(['restore', lastComplete], { dataDir: target }, rng.int(100, 900));
      if (!run.killed) continue;
      figures.killedDuringRestore += 1;
      const rows = workspaceRows(path.join(target, 'partnerloop.db'));
      if (rows !== 0 && rows !== expected) {
        failures.add({
          kind: 'a killed restore left part of the backup',
          where: `restore ${k}`,
          input: `${rows} of ${expected} rows after SIGKILL`,
        });
      }
    }
    const target = fs.mkdtempSync(path.join(work, 'restore-'));
    const restore = await partnerloop(['restore', lastComplete], { dataDir: target });
    figures.restoreMs = restore.ms;
    if (restore.code !== 0) {
      failures.add({
        kind: 'restore of the last complete backup failed',
        where: 'restore',
        input: restore.stderr.slice(0, 500),
      });
    } else {
      const again = path.join(work, 'again.jsonl');
      await partnerloop(['backup', '--out', again], { dataDir: target });
      const a = normalised(lastComplete);
      const b = normalised(again);
      const missing = a.filter((l) => !b.includes(l));
      if (missing.length > 0 || a.length !== b.length) {
        failures.add({
          kind: 'restored workspace differs from the backup',
          where: 'restore',
          input: `${a.length} rows backed up, ${b.length} restored; first missing: ${missing[0]?.slice(0, 300)}`,
        });
      }
    }
    log(`  backup kills: ${figures.killedDuringBackup} mid-way, ${figures.killedDuringRestore} restores killed`);
    return figures;
  } finally {
    stop = true;
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function lines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

/** Why the file is not a whole backup, or undefined when it is. */
function wholeBackup(file: string): string | undefined {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.endsWith('\n')) return `${file} does not end with a complete line`;
  const all = text.split('\n').filter(Boolean);
  try {
    const header = JSON.parse(all[0] ?? '');
    if (header.format !== 'partnerloop-backup') return 'no backup header';
    for (const l of all.slice(1)) JSON.parse(l);
  } catch (e) {
    return `a line is not JSON: ${String(e)}`;
  }
  return undefined;
}

/** The backup's rows with the workspace id neutralised, so two workspaces compare. */
function normalised(file: string): string[] {
  const all = lines(file);
  const ws = JSON.parse(all[0]!).workspaceId as string;
  return all
    .slice(1)
    .map((l) => l.replaceAll(ws, 'WS'))
    .sort();
}

/** Rows of the backed-up tables in a restored folder (0 when the restore never committed). */
function workspaceRows(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
      )
      .pluck()
      .all() as string[];
    let n = 0;
    for (const t of tables) {
      // The workspace row exists before the restore; every other row comes from the backup.
      if (t === 'workspaces') continue;
      n += db.prepare(`select count(*) from "${t}"`).pluck().get() as number;
    }
    return n;
  } finally {
    db.close();
  }
}
