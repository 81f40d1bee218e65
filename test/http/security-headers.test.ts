import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { addAgreement } from '../../src/app/agreements.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';
import { type RawResponse, rawRequest, startTestServer, type TestServer } from '../helpers/server.js';

// The suite's global setup builds the web app into dist/web.
const webDir = path.resolve('dist/web');

function expectSecurityHeaders(res: RawResponse, what: string) {
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  const csp = String(res.headers['content-security-policy']);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/unsafe-eval|https?:/);
  expect(csp.match(/script-src[^;]*/)?.[0], what).not.toContain('unsafe-inline');
}

describeEachDb('HTTP security headers', (env) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends them on the app, its deep pages, the API reference, JSON answers, errors and every download', async () => {
    const { deps, ctx } = env();
    const partner = await partnerAfterCall(deps, ctx);
    const agreement = await addAgreement(deps, ctx, partner.id, { handoffMethod: 'calendar_link' });
    server = await startTestServer(env(), {}, webDir);
    const { port } = server;
    const pages: [string, number, RegExp][] = [
      ['/', 200, /^text\/html/],
      [`/partners/${partner.id}`, 200, /^text\/html/],
      ['/api/docs', 200, /^text\/html/],
      ['/api/docs/init.js', 200, /^text\/javascript/],
      ['/api/docs/assets/swagger-ui-bundle.js', 200, /javascript/],
      ['/api/v1/partners', 200, /^application\/json/],
      ['/api/v1/nothing-here', 404, /^application\/json/],
      ['/api/v1/export/partners.csv', 200, /^text\/csv/],
      ['/api/v1/export/referrals.csv', 200, /^text\/csv/],
      ['/api/v1/calendar.ics', 200, /^text\/calendar/],
      ['/api/v1/review.md?month=2026-11', 200, /^text\/markdown/],
      [`/api/v1/agreements/${agreement.id}/one-pager.md`, 200, /^text\/markdown/],
      [`/api/v1/agreements/${agreement.id}/one-pager.pdf`, 200, /^application\/pdf/],
    ];
    for (const [page, status, type] of pages) {
      const res = await rawRequest(port, page);
      expect(res.status, page).toBe(status);
      expect(res.headers['content-type'], page).toMatch(type);
      expectSecurityHeaders(res, page);
    }
    const refused = await rawRequest(port, '/', { headers: { host: 'evil.example' } });
    expect(refused.status).toBe(421);
    expectSecurityHeaders(refused, 'a refused Host');
  });

  it('serves pages whose scripts are all files, as script-src allows', async () => {
    server = await startTestServer(env(), {}, webDir);
    for (const page of ['/', '/api/docs']) {
      const html = (await rawRequest(server.port, page)).text;
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, page).toMatch(/\bsrc="\//);
    }
  });
});
