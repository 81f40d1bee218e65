import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import pc from 'picocolors';
import { loadDemo } from '../../app/demo.js';
import { openRuntime } from '../../app/runtime.js';
import { loadConfig } from '../../config.js';
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
        port: opts.port === undefined ? undefined : Number(opts.port),
      });
      const runtime = await openRuntime(config);
      if (opts.demo) await loadDemoIfEmpty(runtime.deps, runtime.ctx);
      // The bundled CLI sits in dist/, beside the built web app in dist/web.
      const webDir = fileURLToPath(new URL('./web', import.meta.url));
      const server = await startServer(runtime, config, webDir);
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
      const store = openStore(config);
      try {
        const applied = await migrate(store);
        const o = outputFrom(cmd);
        if (o.json) o.out(JSON.stringify({ applied }));
        else o.out(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date');
      } finally {
        await store.close();
      }
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

async function loadDemoIfEmpty(...args: Parameters<typeof loadDemo>) {
  try {
    await loadDemo(...args);
  } catch (err) {
    // An existing workspace keeps its data; --demo only fills an empty one.
    if (!(err instanceof Error && 'code' in err && err.code === 'conflict')) throw err;
  }
}
