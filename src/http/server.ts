import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Runtime } from '../app/runtime.js';
import type { Config } from '../config.js';
import { createHttpApp } from './app.js';
import { servedHosts } from './served-hosts.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export type ServerConfig = Pick<Config, 'host' | 'port'> & Partial<Pick<Config, 'publicUrl'>>;

export function startServer(
  runtime: Pick<Runtime, 'deps' | 'ctx'>,
  config: ServerConfig,
  webDir: string | undefined,
): Promise<RunningServer> {
  // The app checks the Host against the port it listens on, which port 0 only gives later.
  let app: ReturnType<typeof createHttpApp> | undefined;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (req, env) => (app ? app.fetch(req, env) : new Response(null, { status: 503 })),
        hostname: config.host,
        port: config.port,
      },
      (info: AddressInfo) => {
        app = createHttpApp({
          deps: runtime.deps,
          ctx: runtime.ctx,
          webDir,
          served: servedHosts({ host: info.address, port: info.port, publicUrl: config.publicUrl }),
        });
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
    server.once('error', reject);
  });
}
