import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Runtime } from '../app/runtime.js';
import { type Config, type ConnectionLimits, defaultConnectionLimits } from '../config.js';
import { createHttpApp } from './app.js';
import { lingerOnClose } from './lingering-close.js';
import { servedHosts } from './served-hosts.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export type ServerConfig = Pick<Config, 'host' | 'port'> & Partial<Pick<Config, 'publicUrl' | 'connections'>>;

export function startServer(
  runtime: Pick<Runtime, 'deps' | 'ctx'>,
  config: ServerConfig,
  webDir: string | undefined,
): Promise<RunningServer> {
  const limits = config.connections ?? defaultConnectionLimits;
  // The app checks the Host against the port it listens on, which port 0 only gives later.
  let app: ReturnType<typeof createHttpApp> | undefined;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: (req, env) => (app ? app.fetch(req, env) : new Response(null, { status: 503 })),
        hostname: config.host,
        port: config.port,
        serverOptions: {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          keepAliveTimeout: limits.keepAliveTimeoutMs,
          // Node checks the two timeouts above this often (30 s by default, coarser than them).
          connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.headersTimeoutMs / 4)),
        },
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
    ) as Server;
    limitConnections(server, limits);
    server.once('error', reject);
  });
}

/** How long a closing connection keeps reading what its client still sends. */
const LINGER_MS = 2000;

function limitConnections(server: Server, limits: ConnectionLimits) {
  // Node closes connections over the cap as they arrive.
  server.maxConnections = limits.maxConnections;
  // Node's headers timeout starts with a request's first byte; a connection that never sends
  // one would stay open for good. So a new connection may sit idle for as long as headers may
  // take, until its first request is in; from then on Node's request and keep-alive timeouts
  // apply. (Not a 'data' listener: that takes the socket away from Node's native parser.)
  server.on('connection', (socket: Socket) => {
    socket.setTimeout(limits.headersTimeoutMs);
    lingerOnClose(socket, LINGER_MS);
  });
  server.on('request', (req: IncomingMessage) => req.socket.setTimeout(0));
}
