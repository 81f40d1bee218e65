import net from 'node:net';
import os from 'node:os';

/**
 * The addresses this server is served at: the Host values it answers and the origins whose pages
 * count as its own. Checking them is what stops DNS rebinding (a page on evil.example whose name
 * now resolves to 127.0.0.1 sends `Host: evil.example`) and cross-site writes.
 */
export interface ServedHosts {
  /** Host header values, written as `new URL(...).host` writes them (lower case, [v6], port). */
  hosts: ReadonlySet<string>;
  /** Origins (`scheme://host[:port]`) of the app's own pages. */
  origins: ReadonlySet<string>;
}

/** What createHttpApp answers when it is given nothing: `app.request()` in tests uses http://localhost. */
export const inProcessOnly: ServedHosts = servedHostsFrom(['localhost'], undefined);

export interface ListenAddress {
  /** The address the server listens on: 127.0.0.1, ::1, a LAN address, 0.0.0.0 or ::. */
  host: string;
  /** The port it actually listens on (after port 0 was given one). */
  port: number;
  /** PUBLIC_URL's origin, when set. */
  publicUrl?: string | undefined;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Loopback: its three names. A single address: that address. Every interface (0.0.0.0, ::): the
 * machine's own addresses and host name when the server starts, and loopback; a DNS name that
 * points at the machine (a reverse proxy, a LAN name) is answered only when PUBLIC_URL names it,
 * because accepting any Host would accept the rebinding page too.
 */
export function servedHosts(at: ListenAddress, machine: () => string[] = machineNames): ServedHosts {
  const names = isAnyAddress(at.host)
    ? [...LOOPBACK_NAMES, ...machine()]
    : isLoopback(at.host)
      ? [...new Set([...LOOPBACK_NAMES, bracket(at.host)])]
      : [bracket(at.host)];
  return servedHostsFrom(
    names.map((name) => hostWithPort(name, at.port)),
    at.publicUrl,
  );
}

function servedHostsFrom(hosts: string[], publicUrl: string | undefined): ServedHosts {
  const allHosts = new Set(hosts.map((h) => h.toLowerCase()));
  const origins = new Set([...allHosts].map((h) => `http://${h}`));
  if (publicUrl) {
    const url = new URL(publicUrl);
    allHosts.add(url.host);
    // A client may also write the scheme's default port out (Host: example.com:443).
    if (!url.port) allHosts.add(`${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`);
    origins.add(url.origin);
  }
  return { hosts: allHosts, origins };
}

/** As `new URL('http://' + host).host` writes it: port 80 is left out. */
function hostWithPort(name: string, port: number): string {
  return port === 80 ? name : `${name}:${port}`;
}

function bracket(address: string): string {
  return net.isIPv6(address) ? `[${address}]` : address;
}

function isAnyAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The machine's interface addresses (without link-local IPv6, which needs a zone) and its name. */
function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !(a.family === 'IPv6' && a.scopeid !== 0))
    .map((a) => bracket(a!.address));
  return [...addresses, os.hostname()];
}
