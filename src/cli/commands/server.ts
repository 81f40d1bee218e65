import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import { loadDemo } from '../../app/demo.js';
import { openRuntime } from '../../app/runtime.js';
import { openingStore } from '../../app/store-errors.js';
import { loadConfig, parsePort } from '../../config.js';
import { AppError } from '../../domain/errors.js';
import { startServer } from '../../http/server.js';
import { migrate, openStore } from '../../store/db.js';
import type { GlobalOptions } from '../session.js';
import { configFrom, outputFrom, withRuntime } from '../session.js';

export function serverCommands(program: Command) {
  program
    .command('serve')
    .description('Serve the web app and the API')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1, or HOST)')
    .option('--port <port>', 'port (default 3000, or PORT)')
    .option('--demo', 'load the sample data first if the workspace is empty')
    .action(async (opts, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const config = loadConfig({
        dataDir: g.dataDir,
        databaseUrl: g.databaseUrl,
        host: opts.host,
        port: opts.port === undefined ? undefined : parsePort(opts.port, '--port'),
      });
      const runtime = await openRuntime(config);
      if (opts.demo) await loadDemoIfEmpty(runtime.deps, runtime.ctx);
      // The bundled CLI sits in dist/, beside the built web app in dist/web.
      const webDir = fileURLToPath(new URL('./web', import.meta.url));
      const server = await startServer(runtime, config, webDir).catch(async (err) => {
        await runtime.close();
        throw portRefusal(err, config) ?? err;
      });
      const where = config.databaseUrl ? 'PostgreSQL' : `${config.dataDir}/partnerloop.db`;
      process.stdout.write(`Partnerloop is running at ${pc.bold(server.url)}  (data: ${where})\n`);
      const stop = async () => {
        await server.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async (_opts, cmd: Command) => {
      const config = configFrom(cmd);
      const applied = await openingStore(config, async () => {
        const store = openStore(config);
        try {
          return await migrate(store);
        } finally {
          await store.close();
        }
      });
      const o = outputFrom(cmd);
      if (o.json) o.out(JSON.stringify({ applied }));
      else o.out(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date');
    });

  program
    .command('demo')
    .description('Fill an empty workspace with realistic sample data')
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const result = await loadDemo(deps, ctx);
        if (o.json) o.out(JSON.stringify(result));
        else o.out(`Loaded ${result.partners} sample partners`);
      }),
    );
}

/** A port someone else holds (or one below 1024) is a setting to change, not a bug. */
function portRefusal(err: unknown, config: { host: string; port: number }): AppError | undefined {
  const code = (err as { code?: string } | null)?.code;
  const where = `${config.host}:${config.port}`;
  const hint = 'stop the other server, or choose another port with --port or PORT';
  if (code === 'EADDRINUSE') return new AppError('unavailable', `${where} is already in use`, { hint });
  if (code === 'EACCES') return new AppError('unavailable', `not allowed to listen on ${where}`, { hint });
  if (code === 'EADDRNOTAVAIL') {
    return new AppError('unavailable', `${config.host} is not an address of this machine`, {
      hint: 'choose another with --host or HOST',
    });
  }
  return undefined;
}

async function loadDemoIfEmpty(...args: Parameters<typeof loadDemo>) {
  try {
    await loadDemo(...args);
  } catch (err) {
    // An existing workspace keeps its data; --demo only fills an empty one.
    if (!(err instanceof Error && 'code' in err && err.code === 'conflict')) throw err;
  }
}
