import path from 'node:path';
import { AppError } from './domain/errors.js';

/** Everything the process takes from its environment, read in this one place. */
export interface Config {
  host: string;
  port: number;
  /**
   * The origin people and calendar apps reach the app at when it is not the address it listens
   * on (a reverse proxy, a name on the LAN), e.g. https://partners.agency.example. Its host is
   * answered besides the listening address; see src/http/served-hosts.ts.
   */
  publicUrl: string | undefined;
  connections: ConnectionLimits;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: 'silent' | 'info';
  /** e.g. smtp://user:pass@mail.example.com:587; messages are copied by hand when absent. */
  smtpUrl: string | undefined;
  /** The From address; the profile's sender e-mail when absent. */
  smtpFrom: string | undefined;
  /**
   * PARTNERLOOP_NOW: the instant the process's clock starts at (it runs on from there). Tests
   * and demos that spawn the real server or CLI pin "today" with it; unset means the real time.
   */
  clockStart: Date | undefined;
}

/** How long the HTTP server waits for a client, and how many it serves at once. */
export interface ConnectionLimits {
  /** From the moment a connection opens (or a new request starts) until its headers are in. */
  headersTimeoutMs: number;
  /** Until the whole request, body included, is in. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. */
  maxConnections: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  // Node's own default is 60 s, long enough for a few hundred idle sockets to pin the server.
  headersTimeoutMs: 10_000,
  // A 20 MB CSV upload within this needs about 1.4 Mbit/s.
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 500,
};

export interface ConfigOverrides {
  host?: string;
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = overrides.port ?? parsePort(env.PORT, 'PORT');
  return {
    // No accounts exist yet, so the default is loopback only.
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    connections: parseConnectionLimits(env),
    dataDir: path.resolve(overrides.dataDir ?? env.DATA_DIR ?? 'data'),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    logLevel: env.PARTNERLOOP_QUIET === '1' ? 'silent' : 'info',
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || undefined,
    clockStart: parseInstant('PARTNERLOOP_NOW', env.PARTNERLOOP_NOW),
  };
}

function parseInstant(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  // An offset is required so the pinned instant never depends on the machine's time zone.
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? new Date(raw) : null;
  if (!at || Number.isNaN(at.getTime())) {
    throw AppError.validation([
      { field: name, message: `expected an ISO-8601 instant with an offset, e.g. 2026-11-24T10:00:00Z, got "${raw}"` },
    ]);
  }
  return at;
}

/** A port as typed in `setting` (PORT, or a flag such as --port); 3000 when absent. */
export function parsePort(raw: string | undefined, setting: string): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    // A refusal naming the setting, not a bug: the CLI prints one line and exits 2.
    throw AppError.validation([{ field: setting, message: `expected a whole number from 0 to 65535, got "${raw}"` }]);
  }
  return port;
}

/** The origin of PUBLIC_URL (scheme, host and port); the app is served at its root. */
function parsePublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const expected = 'an http(s) address such as https://partners.agency.example';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be ${expected}, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must be ${expected}, got the scheme "${url.protocol}"`);
  }
  if (url.username || url.password) throw new Error('PUBLIC_URL must not contain a user name or password');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be the address of the app's root (${url.origin}), without a path, got "${raw}"`);
  }
  return url.origin;
}

function parseConnectionLimits(env: NodeJS.ProcessEnv): ConnectionLimits {
  const limits: ConnectionLimits = {
    headersTimeoutMs: positiveInt(env, 'HTTP_HEADERS_TIMEOUT_MS', defaultConnectionLimits.headersTimeoutMs),
    requestTimeoutMs: positiveInt(env, 'HTTP_REQUEST_TIMEOUT_MS', defaultConnectionLimits.requestTimeoutMs),
    keepAliveTimeoutMs: positiveInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', defaultConnectionLimits.keepAliveTimeoutMs),
    maxConnections: positiveInt(env, 'HTTP_MAX_CONNECTIONS', defaultConnectionLimits.maxConnections),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `HTTP_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`,
    );
  }
  return limits;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, got "${raw}"`);
  return value;
}

/** Settings only the test suite and benchmarks use. */
export interface TestConfig {
  ci: boolean;
  testDatabaseUrl: string | undefined;
  chromiumPath: string;
  /**
   * The environment the test browser starts with: this one without libfaketime, which hangs
   * Chromium when CI runs the suite at another instant (the page's clock is pinned by Playwright).
   */
  browserEnv: Record<string, string>;
}

export function loadTestConfig(env: NodeJS.ProcessEnv = process.env): TestConfig {
  return {
    ci: env.CI === 'true' || env.CI === '1',
    testDatabaseUrl: env.TEST_DATABASE_URL || undefined,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    browserEnv: Object.fromEntries(
      Object.entries(env).filter(
        (e): e is [string, string] => e[1] !== undefined && e[0] !== 'LD_PRELOAD' && !e[0].startsWith('FAKETIME'),
      ),
    ),
  };
}
