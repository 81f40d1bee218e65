import http from 'node:http';

export interface OversizeAnswer {
  status: number | undefined;
  error?: string;
}

/**
 * Streams a JSON body of `bytes` bytes (one huge string field) and stops writing as soon as the
 * server answers: a server with a body limit answers 413 after the first chunks, one without
 * reads the lot.
 */
export function sendOversize(base: string, method: string, target: string, bytes: number): Promise<OversizeAnswer> {
  const url = new URL(base);
  return new Promise<OversizeAnswer>((resolve) => {
    let status: number | undefined;
    let done = false;
    const finish = (a: OversizeAnswer) => {
      if (done) return;
      done = true;
      r.destroy();
      resolve(a);
    };
    const r = http.request({
      host: url.hostname,
      port: url.port,
      method,
      path: target,
      headers: { host: url.host, 'content-type': 'application/json', 'content-length': String(bytes) },
      timeout: 60_000,
    });
    r.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => finish({ status }));
      res.on('error', () => finish({ status }));
    });
    r.on('timeout', () => finish({ status, error: 'no answer within 60 s' }));
    r.on('socket', (socket) => socket.on('error', () => {}));
    // A server that answers early may close the socket under the rest of the body.
    r.on('error', (e) => finish({ status, error: e.message }));
    void (async () => {
      const head = Buffer.from('{"name":"');
      const tail = Buffer.from('"}');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      r.write(head);
      let left = bytes - head.length - tail.length;
      while (left > 0 && status === undefined && !done) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!r.write(part)) await drained(r);
      }
      if (status === undefined && !done) r.end(tail);
    })().catch((e: Error) => finish({ status, error: e.message }));
  });
}

/** Resolves when the request can take more, or has closed (then the loop sees the answer or the end). */
function drained(r: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      r.off('drain', go);
      r.off('close', go);
      resolve();
    };
    r.on('drain', go);
    r.on('close', go);
  });
}
