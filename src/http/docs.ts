import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// The start-up script is a file of its own, not inline: the Content-Security-Policy allows
// scripts from this server only. No validator badge: it is an image from validator.swagger.io.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true, validatorUrl: null });\n`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Partnerloop API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

/** A readable reference at /api/docs, served from the installed package (no CDN needed). */
export function docsRoutes(app: Hono) {
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: assets, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );
}
