import http from 'node:http';
import type net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { CSV_BODY_LIMIT, JSON_BODY_LIMIT } from '../../src/http/body-limits.js';
import { describeEachDb } from '../helpers/db.js';
import {
  closedWithin,
  openSocket,
  rawRequest,
  readResponse,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

const MiB = 1024 * 1024;

/** Writes `chunk` in chunked framing until the server answers (or `max` bytes); returns the bytes written. */
async function writeChunkedUntilAnswered(socket: net.Socket, chunk: string, max: number): Promise<number> {
  let answered = false;
  socket.once('data', () => {
    answered = true;
  });
  let sent = 0;
  while (!answered && sent < max && !socket.destroyed) {
    const ok = socket.write(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
    sent += Buffer.byteLength(chunk);
    if (!ok) await new Promise((r) => socket.once('drain', r));
    await new Promise((r) => setImmediate(r));
  }
  return sent;
}

const head = (port: number, path: string, type: string, framing: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${type}\r\n${framing}\r\n\r\n`;

describeEachDb('HTTP request body limits', (env) => {
  let server: TestServer | undefined;
  const sockets: net.Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await server?.close();
    server = undefined;
  });
  const start = async () => {
    server = await startTestServer(env());
    return server.port;
  };
  const socketTo = async (port: number) => {
    const s = await openSocket(port);
    s.on('error', () => {}); // the server closes while the test is still writing, by design
    sockets.push(s);
    return s;
  };
  const partnerCount = async (port: number) =>
    ((await rawRequest(port, '/api/v1/partners?limit=1')).json() as { total: number }).total;

  it('answers 413 to a JSON body declared over 1 MiB before it is sent, then closes the connection', async () => {
    const port = await start();
    for (const length of [50 * MiB, 600 * MiB, JSON_BODY_LIMIT + 1]) {
      const socket = await socketTo(port);
      socket.write(head(port, '/api/v1/partners', 'application/json', `Content-Length: ${length}`));
      socket.write('{"name":"Big","type":"agency","notes":"');
      const res = await readResponse(socket);
      expect(res.status, `${length}`).toBe(413);
      expect(res.headers.connection).toBe('close');
      expect(JSON.parse(res.body)).toEqual({
        error: { code: 'payload_too_large', message: expect.stringContaining('1 MiB'), details: { limitBytes: MiB } },
      });
      expect(await closedWithin(socket, 2000)).not.toBeNull();
    }
    expect(await partnerCount(port)).toBe(0);
  });

  it('answers 413 to a chunked JSON body without a length as soon as it passes 1 MiB', async () => {
    const port = await start();
    const socket = await socketTo(port);
    const answer = readResponse(socket);
    socket.write(head(port, '/api/v1/partners', 'application/json', 'Transfer-Encoding: chunked'));
    const sent = await writeChunkedUntilAnswered(socket, 'x'.repeat(64 * 1024), 50 * MiB);
    const res = await answer;
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    // Far less than the 50 MiB on offer: the rest is what sat in socket buffers meanwhile.
    expect(sent).toBeLessThan(16 * MiB);
    expect(await partnerCount(port)).toBe(0);
  });

  it('takes a JSON body just under the limit', async () => {
    const port = await start();
    const body = JSON.stringify({ name: 'Long notes', type: 'agency', notes: 'x'.repeat(4000) });
    const res = await rawRequest(port, '/api/v1/partners', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(201);
  });

  it('answers 413 to a CSV import over 20 MiB, with a length or chunked, before any row is written', async () => {
    const port = await start();
    const rows = Array.from({ length: 2000 }, (_, i) => `Partner ${i};p${i}@example.com;agency\n`).join('');

    const declared = await socketTo(port);
    declared.write(head(port, '/api/v1/import/partners', 'text/csv', `Content-Length: ${CSV_BODY_LIMIT + 1}`));
    declared.write(`Partner name;Mail;Kind\n${rows}`);
    const refused = await readResponse(declared);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: 'payload_too_large',
      details: { limitBytes: 20 * MiB },
    });
    expect(refused.headers.connection).toBe('close');

    const chunked = await socketTo(port);
    const answer = readResponse(chunked);
    chunked.write(head(port, '/api/v1/import/partners', 'text/csv', 'Transfer-Encoding: chunked'));
    chunked.write(`17\r\nPartner name;Mail;Kind\n\r\n`);
    const sent = await writeChunkedUntilAnswered(chunked, rows, 60 * MiB);
    expect((await answer).status).toBe(413);
    expect(sent).toBeGreaterThan(CSV_BODY_LIMIT);
    expect(sent).toBeLessThan(CSV_BODY_LIMIT + 16 * MiB);
    expect(await partnerCount(port)).toBe(0);
  });

  it('still streams an import with a Content-Length: progress arrives before the file is all sent', async () => {
    const port = await start();
    const line = (i: number) => `Partner ${i};p${i}@example.com;agency\n`;
    const first = `Partner name;Mail;Kind\n${Array.from({ length: 6000 }, (_, i) => line(i)).join('')}`;
    const rest = Array.from({ length: 1000 }, (_, i) => line(6000 + i)).join('');
    const socket = await socketTo(port);
    const length = Buffer.byteLength(first) + Buffer.byteLength(rest);
    socket.write(head(port, '/api/v1/import/partners?progress=ndjson', 'text/csv', `Content-Length: ${length}`));
    let received = '';
    const seen = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.includes(text)) {
            socket.off('data', onData);
            resolve();
          }
        };
        const onData = (d: Buffer) => {
          received += d.toString('utf8');
          check();
        };
        socket.on('data', onData);
        check();
      });
    socket.write(first);
    await seen('"type":"progress"');
    expect(received).toMatch(/^HTTP\/1.1 200/);
    socket.write(rest);
    await seen('"type":"report"');
    expect(received).toContain('"created":7000');
  });

  it("keeps the client's next request working after an early answer to an unread body", async () => {
    const port = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = await rawRequest(port, '/api/v1/partners', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(2 * MiB, 'x'),
        agent,
      });
      expect(big.status).toBe(413);
      expect(big.headers.connection).toBe('close');
      const evil = await rawRequest(port, '/api/v1/partners', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
        body: Buffer.alloc(900 * 1024, 'x'),
        agent,
      });
      expect(evil.status).toBe(403);
      const next = await rawRequest(port, '/api/v1/partners?limit=1', { agent });
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
    // A small refused body that has arrived whole is discarded, and the connection kept.
    const socket = await socketTo(port);
    const small = '{"name":"x","type":"agency"}';
    const framing = `Content-Length: ${small.length}\r\nOrigin: http://evil.example`;
    socket.write(`${head(port, '/api/v1/partners', 'application/json', framing)}${small}`);
    const refused = await readResponse(socket);
    expect(refused.status).toBe(403);
    expect(refused.headers.connection).toBe('keep-alive');
    socket.write(`GET /api/v1/partners?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect((await readResponse(socket)).status).toBe(200);
    expect(await partnerCount(port)).toBe(0);
  });
});
