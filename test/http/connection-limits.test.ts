import type net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, Deps } from '../../src/app/context.js';
import { createWorkspace } from '../../src/app/profile.js';
import { type ConnectionLimits, defaultConnectionLimits } from '../../src/config.js';
import { openTestDb, type TestDb, testDeps } from '../helpers/db.js';
import {
  closedWithin,
  openSocket,
  rawRequest,
  readResponse,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

// Timeouts and the connection cap live in the socket layer, below any query: one database is
// enough here (SQLite), unlike the suites that read and write.
describe('HTTP connection timeouts and cap', () => {
  let db: TestDb;
  let env: { deps: Deps; ctx: Ctx };
  let server: TestServer | undefined;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    db = await openTestDb('sqlite');
    const deps = testDeps(db.store);
    env = { deps, ctx: await createWorkspace(deps) };
  });
  afterAll(async () => {
    await db?.cleanup();
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await server?.close();
    server = undefined;
  });
  const start = async (limits: Partial<ConnectionLimits>) => {
    server = await startTestServer(env, { connections: { ...defaultConnectionLimits, ...limits } });
    return server.port;
  };
  const connect = async (port: number) => {
    const socket = await openSocket(port);
    socket.on('error', () => {});
    sockets.push(socket);
    return socket;
  };

  it('closes a connection that sends nothing once the headers timeout has passed', async () => {
    const port = await start({ headersTimeoutMs: 300 });
    const idle = await connect(port);
    const closedAfter = await closedWithin(idle, 3000);
    expect(closedAfter).not.toBeNull();
    expect(closedAfter!).toBeGreaterThanOrEqual(250);
  });

  it('closes a connection whose headers never end, and one idle after its answer', async () => {
    const port = await start({ headersTimeoutMs: 300, keepAliveTimeoutMs: 300 });
    const slow = await connect(port);
    slow.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    expect(await closedWithin(slow, 3000)).not.toBeNull();

    const kept = await connect(port);
    kept.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const res = await readResponse(kept);
    expect(res.status).toBe(200);
    expect(res.headers.connection).toBe('keep-alive');
    expect(await closedWithin(kept, 3000)).not.toBeNull();
  });

  it('closes connections beyond the cap as they arrive, and serves again once one is gone', async () => {
    const port = await start({ maxConnections: 2, headersTimeoutMs: 10_000 });
    const first = await connect(port);
    await connect(port);
    // Let the server accept both before the third arrives.
    await new Promise((r) => setTimeout(r, 100));
    const third = await connect(port);
    expect(await closedWithin(third, 2000)).not.toBeNull();
    first.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await rawRequest(port, '/healthz')).status).toBe(200);
  });
});
