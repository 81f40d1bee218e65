import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnv, type Where } from './server.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Whether the kill arrived while the command was still running. */
  killed: boolean;
}

/**
 * Runs the real `partnerloop` binary on the given database. With `killAfterMs`, SIGKILLs it
 * that long after the spawn, as a power cut or an OOM killer would.
 */
export function partnerloop(args: string[], where: Where, killAfterMs?: number): Promise<CliRun> {
  const started = performance.now();
  const globals = where.dataDir ? ['--data-dir', where.dataDir] : ['--database-url', where.databaseUrl!];
  const child = spawn(process.execPath, [path.resolve('bin/partnerloop.js'), ...globals, ...args], {
    env: childEnv(where),
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer =
    killAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          killed = child.exitCode === null;
          child.kill('SIGKILL');
        }, killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: performance.now() - started,
        killed: killed && signal === 'SIGKILL',
      });
    });
  });
}
