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
  const send = (req: WireRequest) =>
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
      r.on('error', reject);
      r.end(req.body);
    });
  return Object.assign(send, { close: () => agent.destroy() });
}
