import { afterEach, expect, it } from 'vitest';
import { describeEachDb } from '../helpers/db.js';
import { rawRequest, startTestServer, type TestServer } from '../helpers/server.js';

// DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 is, for the
// browser, same-origin with itself, so only the Host it sends gives it away.
describeEachDb('HTTP Host check against DNS rebinding', (env) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const partnerCount = async (port: number) =>
    ((await rawRequest(port, '/api/v1/partners?limit=1')).json() as { total: number }).total;
  const createPartner = (port: number, headers: Record<string, string>) =>
    rawRequest(port, '/api/v1/partners', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Rebound', type: 'agency' }),
    });

  it('answers its loopback names on its port and refuses any other Host with 421 in the error shape', async () => {
    server = await startTestServer(env());
    const { port } = server;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await rawRequest(port, '/api/v1/export/partners.csv', { headers: { host } });
      expect(res.status, host).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const res = await rawRequest(port, '/api/v1/export/partners.csv', { headers: { host } });
      expect(res.status, host).toBe(421);
      expect(res.json()).toEqual({
        error: { code: 'misdirected_request', message: expect.stringContaining('PUBLIC_URL'), details: { host } },
      });
    }
    // The web app's pages and the docs are refused too: nothing is answered for a foreign name.
    expect((await rawRequest(port, '/', { headers: { host: `evil.example:${port}` } })).status).toBe(421);
  });

  it('refuses a write for a foreign Host and changes nothing, even with a matching Origin', async () => {
    server = await startTestServer(env());
    const { port } = server;
    const evil = `evil.example:${port}`;
    const res = await createPartner(port, { host: evil, origin: `http://${evil}`, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(421);
    expect(await partnerCount(port)).toBe(0);
  });

  it('answers the PUBLIC_URL host as well, and its origin counts as the app’s own', async () => {
    server = await startTestServer(env(), { publicUrl: 'https://partners.agency.example' });
    const { port } = server;
    const host = 'partners.agency.example';
    expect((await rawRequest(port, '/api/v1/partners', { headers: { host } })).status).toBe(200);
    expect((await createPartner(port, { host, origin: 'https://partners.agency.example' })).status).toBe(201);
    // The same name over plain http is another origin.
    expect((await createPartner(port, { host, origin: 'http://partners.agency.example' })).status).toBe(403);
    expect(await partnerCount(port)).toBe(1);
  });
});
