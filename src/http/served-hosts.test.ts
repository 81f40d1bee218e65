import { describe, expect, it } from 'vitest';
import { servedHosts } from './served-hosts.js';

const machine = () => ['192.168.1.20', '[fd00::20]', 'studio'];

describe('servedHosts', () => {
  it('answers the three loopback names on the listening port when bound to loopback', () => {
    const s = servedHosts({ host: '127.0.0.1', port: 3000 }, machine);
    expect([...s.hosts].sort()).toEqual(['127.0.0.1:3000', '[::1]:3000', 'localhost:3000']);
    expect(s.origins.has('http://localhost:3000')).toBe(true);
    expect(s.hosts.has('192.168.1.20:3000')).toBe(false);
  });

  it('answers a single address alone', () => {
    expect([...servedHosts({ host: '192.168.1.20', port: 8080 }, machine).hosts]).toEqual(['192.168.1.20:8080']);
    expect([...servedHosts({ host: 'fd00::20', port: 8080 }, machine).hosts]).toEqual(['[fd00::20]:8080']);
  });

  it("answers loopback and the machine's own addresses and name on every interface, never any host", () => {
    const s = servedHosts({ host: '0.0.0.0', port: 3000 }, machine);
    for (const h of ['localhost:3000', '192.168.1.20:3000', '[fd00::20]:3000', 'studio:3000']) {
      expect(s.hosts.has(h)).toBe(true);
    }
    expect(s.hosts.has('evil.example:3000')).toBe(false);
  });

  it('adds the PUBLIC_URL host, with its default port written out or not, and its own scheme', () => {
    const s = servedHosts({ host: '127.0.0.1', port: 3000, publicUrl: 'https://partners.agency.example' }, machine);
    expect(s.hosts.has('partners.agency.example')).toBe(true);
    expect(s.hosts.has('partners.agency.example:443')).toBe(true);
    expect(s.origins.has('https://partners.agency.example')).toBe(true);
    expect(s.origins.has('http://partners.agency.example')).toBe(false);
  });

  it('leaves port 80 out, as a Host header does', () => {
    expect(servedHosts({ host: '127.0.0.1', port: 80 }, machine).hosts.has('localhost')).toBe(true);
  });
});
