import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.js';
import type { ServedHosts } from './served-hosts.js';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
/** `none`: the person typed the address or used a bookmark; no other page asked for it. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Refuses requests for a Host the server is not served at (421), so a page on a name that was
 * rebound to this machine cannot read or write through the browser, and writes that another
 * site's page sent (403), whatever their content type: sendBeacon, no-cors fetches and HTML
 * forms need no CORS preflight, and a write without a body needs no content type at all.
 *
 * Hono's csrf middleware only looks at form-like content types and refuses requests that carry
 * neither header, so it fits neither half of this.
 */
export function sameOriginOnly(served: ServedHosts): MiddlewareHandler {
  return async (c, next) => {
    // The Node adapter builds the URL from the Host header; app.request() from its own URL.
    const host = new URL(c.req.url).host;
    if (!served.hosts.has(host)) {
      // The page asking may be the attacker's, so the answer does not list the served addresses.
      throw new AppError(
        'misdirected_request',
        `This server does not answer for the host "${host}"; if that is the address people reach it at, set PUBLIC_URL to it`,
        { host },
      );
    }
    if (!SAFE_METHOD.test(c.req.method))
      refuseOtherSites(c.req.header('origin'), c.req.header('sec-fetch-site'), host, served);
    await next();
  };
}

/**
 * A browser says where a write comes from in Origin and Sec-Fetch-Site; each one present must
 * name this app. A request with neither comes from a program (curl, a script), which could send
 * any header it likes anyway, so it stays allowed until API tokens arrive with accounts.
 */
function refuseOtherSites(
  origin: string | undefined,
  fetchSite: string | undefined,
  host: string,
  served: ServedHosts,
) {
  const ownOrigin = origin === undefined || (served.origins.has(origin.toLowerCase()) && hostOf(origin) === host);
  const ownFetchSite = fetchSite === undefined || OWN_FETCH_SITES.has(fetchSite.toLowerCase());
  if (ownOrigin && ownFetchSite) return;
  const from = origin ?? `Sec-Fetch-Site: ${fetchSite}`;
  throw new AppError('forbidden', `Refused a write sent by another site's page (${from})`, {
    ...(origin === undefined ? {} : { origin }),
    ...(fetchSite === undefined ? {} : { secFetchSite: fetchSite }),
  });
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed frame, a file:// page) is no origin of ours
  }
}
