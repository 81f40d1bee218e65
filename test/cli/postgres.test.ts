import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestConfig } from '../../src/config.js';
import { runCli } from '../helpers/cli.js';
import { dialects } from '../helpers/db.js';

const url = loadTestConfig().testDatabaseUrl;

describe.skipIf(!dialects.includes('postgres'))('partnerloop CLI on PostgreSQL (--database-url)', () => {
  const schema = `t_${uuidv7().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: url });
  const dbUrl = () => {
    const u = new URL(url!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
  };
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  });
  afterAll(async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  it('migrates, adds and lists a partner', async () => {
    const migrated = await runCli(['--database-url', dbUrl(), 'migrate']);
    expect(migrated.stdout).toContain('001_foundation');
    const add = await runCli(['--database-url', dbUrl(), 'partner', 'add', 'Ledgerly', '--type', 'brand', '--json']);
    expect(add.code).toBe(0);
    const list = JSON.parse((await runCli(['--database-url', dbUrl(), '--json', 'partner', 'list'])).stdout);
    expect(list.items).toEqual([JSON.parse(add.stdout)]);
    const rows = await admin.query(`select name from ${schema}.partners`);
    expect(rows.rows).toEqual([{ name: 'Ledgerly' }]);
  });
});
