import type { Command } from 'commander';
import { openRuntime, type Runtime } from '../app/runtime.js';
import { type Config, loadConfig } from '../config.js';
import type { Output } from './output.js';
import { stdio } from './output.js';

export interface GlobalOptions {
  json?: boolean;
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(cmd: Command): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  return loadConfig({ dataDir: g.dataDir, databaseUrl: g.databaseUrl });
}

export function outputFrom(cmd: Command): Output {
  return { json: Boolean(cmd.optsWithGlobals<GlobalOptions>().json), ...stdio };
}

/** Runs one command against the configured database and always closes it. */
export async function withRuntime<T>(cmd: Command, fn: (rt: Runtime, o: Output) => Promise<T>): Promise<T> {
  const rt = await openRuntime(configFrom(cmd));
  try {
    return await fn(rt, outputFrom(cmd));
  } finally {
    await rt.close();
  }
}
