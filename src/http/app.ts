import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Ctx, Deps } from '../app/context.js';
import { loadDemo } from '../app/demo.js';
import { fieldIssues } from '../contract/common.js';
import { AppError } from '../domain/errors.js';
import { docsRoutes } from './docs.js';
import { errorResponse } from './errors.js';
import type { HttpEnv } from './openapi.js';
import { agreementRoutes } from './routes/agreements.js';
import { feeRoutes } from './routes/fees.js';
import { partnerRoutes } from './routes/partners.js';
import { profileRoutes } from './routes/profile.js';
import { referralRoutes } from './routes/referrals.js';

export interface HttpDeps {
  deps: Deps;
  ctx: Ctx;
  /** The built web app; the API alone is served when absent. */
  webDir?: string;
  logError?: (err: unknown) => void;
}

export function createHttpApp({ deps, ctx, webDir, logError = console.error }: HttpDeps) {
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, logError));

  const api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => {
      if (!result.success) throw AppError.validation(fieldIssues(result.error));
    },
  });
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('ctx', ctx);
    const sendsBody =
      (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    const isJson = /^application\/([\w.-]+\+)?json/i.test(c.req.header('content-type') ?? '');
    if (sendsBody && !isJson && c.req.method !== 'GET') {
      throw AppError.validation([
        { field: 'Content-Type', message: 'expected application/json; send the body as JSON' },
      ]);
    }
    await next();
  });
  profileRoutes(api);
  partnerRoutes(api);
  agreementRoutes(api);
  referralRoutes(api);
  feeRoutes(api);
  api.post('/demo', async (c) => c.json(await loadDemo(deps, ctx), 201));
  api.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}`, details: {} } }, 404),
  );

  app.route('/api/v1', api);
  app.get('/api/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Partnerloop API', version: '1' },
        servers: [{ url: '/api/v1' }],
      }),
    ),
  );
  docsRoutes(app);
  app.get('/healthz', (c) => c.json({ ok: true }));

  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    const index = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webDir }));
    app.use('/favicon.svg', serveStatic({ root: webDir }));
    // The web app routes in the browser; every other page path gets its shell.
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(index)));
  }
  return app;
}
