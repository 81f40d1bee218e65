// A real server on a free loopback port over a test's deps and workspace, and a raw HTTP
// client for it: node:http lets a test send any Host, Origin or body framing, which fetch
// does not (it sets Host itself).
import http from 'node:http';
import net from 'node:net';
import type { Ctx, Deps } from '../../src/app/context.js';
import { type RunningServer, type ServerConfig, startServer } from '../../src/http/server.js';

export interface TestServer extends RunningServer {
  port: number;
}

export async function startTestServer(
  env: { deps: Deps; ctx: Ctx },
  config: Partial<ServerConfig> = {},
  webDir?: string,
): Promise<TestServer> {
  const server = await startServer(env, { host: '127.0.0.1', port: 0, ...config }, webDir);
  return { ...server, port: Number(new URL(server.url).port) };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  agent?: http.Agent | false;
}

/** One request on its own connection unless an agent is given; Host defaults to 127.0.0.1:port. */
export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    // A server that answers before reading a whole body may close while it is still being
    // written; the answer is what the test reads.
    req.on('socket', (socket) => socket.on('error', () => {}));
    req.end(options.body);
  });
}

/** A TCP connection to the server, resolved once it is open. */
export function openSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Milliseconds until the server closes `socket` (its "close" event), or null within `withinMs`. */
export function closedWithin(socket: net.Socket, withinMs: number): Promise<number | null> {
  const started = Date.now();
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(0);
    const timer = setTimeout(() => resolve(null), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

export interface SocketResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads one answer with a Content-Length from a raw socket (the request was written by hand). */
export function readResponse(socket: net.Socket): Promise<SocketResponse> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (data.length < end + 4 + length) return;
      socket.off('data', onData);
      const body = data.subarray(end + 4, end + 4 + length).toString('utf8');
      resolve({ status: Number(statusLine?.split(' ')[1]), headers, body });
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}
