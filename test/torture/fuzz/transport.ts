import http from 'node:http';
import type { WireRequest } from './requests.js';

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Sends one request and returns the answer, or throws when none came (reset, timeout). */
export type Send = (req: WireRequest) => Promise<Answer>;

/** In process, through the Hono app's fetch: no socket, so it is fast and sees the TestClock. */
export function inProcess(fetch: (req: Request) => Response | Promise<Response>): Send {
  return async (req) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (k !== 'host') headers.set(k, v);
    const res = await fetch(
      new Request(`http://localhost${req.target}`, {
        method: req.method,
        headers,
        ...(hasBody ? { body: new Uint8Array(req.body!) } : {}),
      }),
    );
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: Buffer.from(await res.arrayBuffer()),
    };
  };
}

/**
 * Over a real socket to a server process, with node:http so the request line, Host header and
 * body bytes go out exactly as generated (fetch would normalise or refuse some of them).
 */
export function overHttp(base: string, timeoutMs = 30_000): Send & { close(): void } {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (req: WireRequest): Promise<Answer> =>
    once(req).catch((e: NodeJS.ErrnoException & { reused?: boolean }) => {
      // The server closes a kept-alive socket after 5 idle seconds; a request that met the
      // closing socket never reached it, and is sent again on a new one (as Node's docs advise).
      if (e.reused && e.code === 'ECONNRESET') return once(req);
      throw e;
    });
  const once = (req: WireRequest) =>
    new Promise<Answer>((resolve, reject) => {
      const r = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.target,
          headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      // A server that answers early and closes can make the socket fail after the request is
      // done with it (EPIPE under the rest of a big body); the answer already counts.
      r.on('socket', (socket) => {
        if (!socket.listeners('error').includes(ignore)) socket.on('error', ignore);
      });
      r.on('error', (e) => reject(Object.assign(e, { reused: r.reusedSocket })));
      r.end(req.body);
    });
  return Object.assign(send, { close: () => agent.destroy() });
}

function ignore() {}
