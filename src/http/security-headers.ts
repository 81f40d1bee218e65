import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The headers every answer carries (pages, API, downloads). The policy is what the built web
 * app and the API reference need and no more: every script, style and font comes from this
 * server; Mantine writes its theme into <style> elements (style-src 'unsafe-inline'), and
 * swagger-ui's stylesheet draws an icon from a data: image. No page may be framed, and no
 * address leaves in a Referer.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // HTTPS, where there is any, ends at the owner's reverse proxy; that is the place to decide
    // on HSTS for the domain (with includeSubDomains here it would bind every sibling site).
    strictTransportSecurity: false,
  });
}
