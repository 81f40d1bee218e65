import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { median } from '../src/domain/stats.js';

export interface Row {
  name: string;
  figure: string;
  budget: string;
  met: boolean | null;
  values: Record<string, number | null>;
}

/** Runs `fn` after a warm-up and returns the median and spread (p10–p90) in milliseconds. */
export async function timeIt(fn: () => Promise<unknown>, runs: number, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    median: median(times)!,
    p10: times[Math.floor(runs * 0.1)]!,
    p90: times[Math.min(runs - 1, Math.floor(runs * 0.9))]!,
  };
}

export interface Server {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first answered API request. */
  coldStartMs: number;
  stop(): Promise<void>;
}

/** Starts `partnerloop serve` in its own process, as in production. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const started = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, [path.resolve('bin/partnerloop.js'), 'serve', '--port', '0'], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const res = await fetch(`${url}/api/v1/partners?limit=1`);
  if (!res.ok) throw new Error(`first request failed: ${res.status}`);
  await res.arrayBuffer();
  const coldStartMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process in MB (Linux /proc), or null elsewhere. */
export function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** A bounded load run on loopback: fixed duration, fixed connections. */
export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const r = await autocannon({ connections: 10, pipelining: 1, ...opts });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
