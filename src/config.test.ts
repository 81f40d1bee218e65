import { describe, expect, it } from 'vitest';
import { defaultConnectionLimits, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('keeps the origin of PUBLIC_URL', () => {
    expect(loadConfig({}, { PUBLIC_URL: 'https://Partners.Agency.example/' }).publicUrl).toBe(
      'https://partners.agency.example',
    );
    expect(loadConfig({}, { PUBLIC_URL: 'http://nas.local:8080' }).publicUrl).toBe('http://nas.local:8080');
    expect(loadConfig({}, {}).publicUrl).toBeUndefined();
  });

  it('refuses a PUBLIC_URL that is not the http(s) address of the root, saying what it expects', () => {
    expect(() => loadConfig({}, { PUBLIC_URL: 'partners.agency.example' })).toThrow(/PUBLIC_URL must be an http\(s\)/);
    expect(() => loadConfig({}, { PUBLIC_URL: 'ftp://agency.example' })).toThrow(/scheme "ftp:"/);
    expect(() => loadConfig({}, { PUBLIC_URL: 'https://agency.example/partnerloop' })).toThrow(/without a path/);
    expect(() => loadConfig({}, { PUBLIC_URL: 'https://me:pw@agency.example' })).toThrow(/user name or password/);
  });

  it('reads the connection limits, with defaults, and refuses ones Node would not start with', () => {
    expect(loadConfig({}, {}).connections).toEqual(defaultConnectionLimits);
    const env = { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_MAX_CONNECTIONS: '50' };
    expect(loadConfig({}, env).connections).toMatchObject({ headersTimeoutMs: 2000, maxConnections: 50 });
    expect(() => loadConfig({}, { HTTP_MAX_CONNECTIONS: 'lots' })).toThrow(
      /HTTP_MAX_CONNECTIONS must be a whole number/,
    );
    expect(() => loadConfig({}, { HTTP_HEADERS_TIMEOUT_MS: '200000' })).toThrow(/must not be longer than/);
  });
});
