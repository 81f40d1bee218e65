import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../helpers/cli.js';

describe('partnerloop CLI: profile and partners', () => {
  const dir = tempDataDir();
  const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args]);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds a partner and prints the API shape with --json', async () => {
    const r = await cli(
      'partner',
      'add',
      'Brightline PR',
      '--type',
      'agency',
      '--subtype',
      'pr',
      '--email',
      'dana@brightline.example',
      '--tags',
      'b2b,warm',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({
      name: 'Brightline PR',
      type: 'agency',
      subtype: 'pr',
      stage: 'identified',
      tags: ['b2b', 'warm'],
    });
    expect(Object.keys(p).sort()).toEqual(
      [
        'archivedAt',
        'audience',
        'company',
        'contactName',
        'createdAt',
        'email',
        'id',
        'linkedinUrl',
        'name',
        'nextAction',
        'nextActionDate',
        'notes',
        'owner',
        'stage',
        'subtype',
        'tags',
        'type',
        'updatedAt',
        'website',
      ].sort(),
    );
  });

  it('exits 2 naming the field on bad input', async () => {
    const r = await cli('partner', 'add', 'Nobody', '--type', 'shop');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('type');
    expect(r.stderr).toContain('agency');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a duplicate, and adds it with --force', async () => {
    const dup = await cli('partner', 'add', 'Brightline 2', '--type', 'agency', '--email', 'DANA@brightline.example');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/Brightline PR .* already has this email/);
    const forced = await cli(
      'partner',
      'add',
      'Brightline 2',
      '--type',
      'agency',
      '--email',
      'DANA@brightline.example',
      '--force',
    );
    expect(forced.code).toBe(0);
  });

  it('moves by name, and refuses an illegal move with the allowed ones', async () => {
    expect((await cli('partner', 'move', 'brightline pr', 'contacted')).code).toBe(0);
    const bad = await cli('partner', 'move', 'Brightline PR', 'agreement');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('allowed from "contacted": followed_up, replied, call_booked, declined, no_response');
  });

  it('lists as a table and as JSON, with filters', async () => {
    const table = await cli('partner', 'list', '--stage', 'contacted');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Brightline PR');
    expect(table.stdout).toContain('Contacted');
    expect(table.stdout).not.toContain('Brightline 2');
    const json = JSON.parse((await cli('--json', 'partner', 'list', '--sort', 'name')).stdout);
    expect(json.items.map((p: { name: string }) => p.name)).toEqual(['Brightline 2', 'Brightline PR']);
    expect(json.total).toBe(2);
  });

  it('edits, shows the timeline, archives and restores', async () => {
    expect(
      (await cli('partner', 'edit', 'Brightline PR', '--contact', 'Dana Whitfield', '--next-action-date', '2026-12-01'))
        .code,
    ).toBe(0);
    const show = await cli('partner', 'show', 'Brightline PR');
    expect(show.stdout).toContain('Dana Whitfield');
    expect(show.stdout).toContain('Moved from Identified to Contacted');
    expect(show.stdout).toContain('Edited contactName, nextActionDate');
    expect((await cli('partner', 'archive', 'Brightline 2')).code).toBe(0);
    const listed = JSON.parse((await cli('partner', 'list', '--json')).stdout);
    expect(listed.total).toBe(1);
    expect((await cli('partner', 'restore', 'Brightline 2')).code).toBe(0);
  });

  it('says which partner is meant when a reference is ambiguous or unknown', async () => {
    const unknown = await cli('partner', 'show', 'Nobody Inc');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Partner "Nobody Inc" was not found');
  });

  it('shows and sets the profile, money in whole units', async () => {
    const set = await cli('profile', 'set', 'name=Northwind Social', 'monthly-revenue-target=6,000', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ name: 'Northwind Social', monthlyRevenueTarget: 600000 });
    const bad = await cli('profile', 'set', 'time-zone=Mars/Base', 'colour=blue');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('timeZone');
    expect(bad.stderr).toContain('colour: is not a known field');
    const show = await cli('profile', 'show');
    expect(show.stdout).toContain('$6,000.00');
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await cli('partner', 'fly')).code).toBe(2);
    expect((await cli('partner', 'list', '--colour', 'red')).code).toBe(2);
  });

  it('migrates and reports the schema up to date', async () => {
    const r = await cli('migrate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('up to date');
  });
});
