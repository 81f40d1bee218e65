import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { Ctx, Deps } from '../app/context.js';
import { fieldIssues } from '../contract/common.js';
import { AppError } from '../domain/errors.js';
import { bodyLimits, isCsvUpload } from './body-limits.js';
import { docsRoutes } from './docs.js';
import { errorResponse } from './errors.js';
import type { HttpEnv } from './openapi.js';
import { agreementRoutes } from './routes/agreements.js';
import { demoRoutes } from './routes/demo.js';
import { feeRoutes } from './routes/fees.js';
import { outreachRoutes } from './routes/outreach.js';
import { partnerRoutes } from './routes/partners.js';
import { portabilityRoutes } from './routes/portability.js';
import { profileRoutes } from './routes/profile.js';
import { referralPortabilityRoutes } from './routes/referral-portability.js';
import { referralRoutes } from './routes/referrals.js';
import { reviewRoutes } from './routes/review.js';
import { templateRoutes } from './routes/templates.js';
import { sameOriginOnly } from './same-origin.js';
import { securityHeaders } from './security-headers.js';
import { inProcessOnly, type ServedHosts } from './served-hosts.js';
import { closeIfBodyUnread } from './unread-body.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json/i;

export interface HttpDeps {
  deps: Deps;
  ctx: Ctx;
  /** The built web app; the API alone is served when absent. */
  webDir?: string;
  logError?: (err: unknown) => void;
  /**
   * The hosts and origins the app is served at (served-hosts.ts); startServer passes the ones
   * it listens on. Without it only in-process requests (app.request(), host "localhost") pass.
   */
  served?: ServedHosts;
}

export function createHttpApp({ deps, ctx, webDir, logError = console.error, served = inProcessOnly }: HttpDeps) {
  const app = new Hono();
  app.onError((err, c) => errorResponse(err, c, logError));
  // On the parent app: a sub-app's notFound is never reached once it is mounted with route().
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}`, details: {} } }, 404),
  );
  // Outermost first, so they see the answer of every layer inside, errors included.
  app.use('*', closeIfBodyUnread());
  app.use('*', securityHeaders());
  app.use('*', sameOriginOnly(served));

  const api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      // The JSON validator reads a request without a JSON content type as `{}`, so a body-less
      // POST would pass for an empty form. It runs only where the body is required (or sent).
      if (result.target === 'json' && !JSON_TYPE.test(c.req.header('content-type') ?? '')) {
        throw AppError.validation([
          { field: 'body', message: 'expected a JSON object (Content-Type: application/json)' },
        ]);
      }
      if (!result.success) throw AppError.validation(fieldIssues(result.error));
    },
  });
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('ctx', ctx);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') refuseUnknownBody(c.req.raw.headers, c.req.path);
    await next();
  });
  api.use('*', bodyLimits());
  profileRoutes(api);
  partnerRoutes(api);
  demoRoutes(api);
  templateRoutes(api);
  outreachRoutes(api);
  portabilityRoutes(api);
  referralPortabilityRoutes(api);
  agreementRoutes(api);
  referralRoutes(api);
  feeRoutes(api);
  reviewRoutes(api);

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

/** CSV imports send the file itself; every other body is JSON and says so. */
function refuseUnknownBody(headers: Headers, path: string) {
  const type = headers.get('content-type') ?? undefined;
  const allowed = JSON_TYPE.test(type ?? '') || (/^text\/csv/i.test(type ?? '') && isCsvUpload(path));
  // Without a type, a body (a length above 0, or chunks) is refused too: no-cors fetches and
  // sendBeacon with a Blob send one like that.
  const hasBody = (headers.get('content-length') ?? '0') !== '0' || headers.has('transfer-encoding');
  if (allowed || (type === undefined && !hasBody)) return;
  const message =
    type === undefined
      ? 'Send the body as JSON with Content-Type: application/json; this one has no Content-Type'
      : `Send the body as JSON (Content-Type: application/json), not ${type}`;
  throw new AppError('unsupported_media_type', message, {
    issues: [{ field: 'Content-Type', message: 'expected application/json' }],
  });
}
