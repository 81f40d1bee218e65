import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Runtime } from '../app/runtime.js';
import type { Config } from '../config.js';
import { createHttpApp } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(
  runtime: Runtime,
  config: Pick<Config, 'host' | 'port'>,
  webDir: string | undefined,
): Promise<RunningServer> {
  const app = createHttpApp({ deps: runtime.deps, ctx: runtime.ctx, webDir });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
