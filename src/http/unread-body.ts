import type { IncomingMessage } from 'node:http';
import { setImmediate as afterIo } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';

/**
 * Says `Connection: close` on an answer sent before its request was received in full (a 413
 * on a large upload, a 403 before a body is read, an import that streams its report while
 * the file is still coming). Otherwise Node promises keep-alive and the adapter then cuts the
 * socket once draining the rest takes too long, and the client's next request on it fails.
 * A body that has already arrived but was not read is discarded by Node, and the connection
 * is kept.
 */
export function closeIfBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Only the Node adapter gives an incoming message; app.request() in tests has none.
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || incoming.complete) return;
    // An answer can be ready before Node has parsed the rest of the bytes it already read
    // (it runs the app between the headers and the body); one turn of the event loop lets it.
    await afterIo();
    if (!incoming.complete) c.res.headers.set('connection', 'close');
  };
}
