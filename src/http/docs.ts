import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

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
  <script>
    window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });
  </script>
</body>
</html>`;

/** A readable reference at /api/docs, served from the installed package (no CDN needed). */
export function docsRoutes(app: Hono) {
  app.get('/api/docs', (c) => c.html(page));
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: assets, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );
}
