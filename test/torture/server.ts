import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The instant spawned processes start their clock at (PARTNERLOOP_NOW), so no run depends on today. */
export const FIXED_NOW = '2026-11-24T10:00:00Z';

export interface Where {
  /** SQLite: the data folder. */
  dataDir?: string;
  /** PostgreSQL: a connection string whose search_path names the schema to work in. */
  databaseUrl?: string;
}

/** The environment of every process the probes spawn: quiet, fixed clock, UTC, only this database. */
export function childEnv(where: Where, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: '1',
    PARTNERLOOP_QUIET: '1',
    PARTNERLOOP_NOW: FIXED_NOW,
    TZ: 'UTC',
    // An outside DATABASE_URL must not turn a SQLite probe into a PostgreSQL one.
    DATABASE_URL: where.databaseUrl ?? '',
    ...(where.dataDir ? { DATA_DIR: where.dataDir } : {}),
    ...extra,
  };
}

/** A PostgreSQL URL whose sessions work in `schema` (as the bench gives its server). */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first answered request. */
  firstAnswerMs: number;
  /** What the server wrote to stderr so far (its error log; the latest 100 KB or more). */
  stderr(): string;
  /** A position in the error log, for stderrSince. */
  stderrMark(): number;
  /** What the server wrote to stderr after `mark`. */
  stderrSince(mark: number): string;
  /** Whether the process has ended (crashed or killed). */
  exited(): boolean;
  /** SIGKILL, no chance to clean up; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, the server's own shutdown. */
  stop(): Promise<void>;
}

/** Starts `partnerloop serve --port 0` as a user would and waits for its first answer. */
export async function spawnServer(where: Where): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.resolve('bin/partnerloop.js'),
      'serve',
      '--port',
      '0',
      ...(where.dataDir ? ['--data-dir', where.dataDir] : []),
    ],
    { env: childEnv(where), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let dropped = 0;
  let gone = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    gone = true;
  });
  child.stderr!.on('data', (d) => {
    err += d;
    // Only the tail matters for a report; a long fuzz run must not keep every line.
    if (err.length > 200_000) {
      dropped += err.length - 100_000;
      err = err.slice(-100_000);
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
    void exit.then(() => reject(new Error(`the server exited before listening: ${out}${err}`)));
  });
  child.stdout!.resume();
  await firstAnswer(url);
  const firstAnswerMs = performance.now() - started;
  const signal = async (s: NodeJS.Signals) => {
    if (!gone) child.kill(s);
    await exit;
  };
  return {
    url,
    pid: child.pid!,
    firstAnswerMs,
    stderr: () => err,
    stderrMark: () => dropped + err.length,
    stderrSince: (mark) => err.slice(Math.max(0, mark - dropped)),
    exited: () => gone,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Polls until the server answers an API request (the listening socket may open first). */
async function firstAnswer(url: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/api/v1/profile`);
      await res.arrayBuffer();
      if (res.ok) return;
      throw new Error(`first request answered ${res.status}`);
    } catch (e) {
      if (i > 500) throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
