import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, type Store } from '../../src/store/db.js';
import * as m009 from '../../src/store/migrations/009_import_index_shapes.js';
import { migrations } from '../../src/store/migrations/index.js';
import { dialects, openTestDb, type TestDb } from '../helpers/db.js';

/** Each index on referrals with the definition the database keeps for it. */
async function referralIndexes(store: Store): Promise<Record<string, string>> {
  const rows =
    store.dialect === 'sqlite'
      ? await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
          where type = 'index' and tbl_name = 'referrals' and sql is not null`.execute(store.db)
      : await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
          where tablename = 'referrals' and schemaname = current_schema()`.execute(store.db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.def]));
}

for (const dialect of dialects) {
  describe(`migrations [${dialect}]`, () => {
    let db: TestDb | undefined;
    afterEach(async () => db?.cleanup());

    it('carries stage history from the timeline of a foundation-only database', async () => {
      db = await openTestDb(dialect, { migrate: false });
      expect(await migrate(db.store, { '001_foundation': migrations['001_foundation']! })).toEqual(['001_foundation']);
      const now = '2026-11-01T09:00:00.000Z';
      await db.store.db
        .insertInto('workspaces')
        .values({
          id: 'w',
          name: 'W',
          positioning: null,
          idealClient: null,
          servicesOffered: null,
          servicesReferredOut: null,
          senderName: null,
          senderEmail: null,
          calendarLink: null,
          currency: 'USD',
          timeZone: 'UTC',
          monthlyRevenueTarget: 1,
          monthlyPlatformCost: 1,
          reviewCadence: 'weekly',
          partnerTarget: 10,
          followUpMinDays: 5,
          followUpMaxDays: 7,
          noResponseDays: 14,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await db.store.db
        .insertInto('partners')
        .values({
          id: 'p',
          workspaceId: 'w',
          name: 'P',
          company: null,
          contactName: null,
          email: null,
          linkedinUrl: null,
          website: null,
          emailKey: null,
          linkedinKey: null,
          websiteKey: null,
          type: 'brand',
          subtype: null,
          audience: null,
          stage: 'contacted',
          owner: null,
          notes: null,
          nextAction: null,
          nextActionDate: null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await db.store.db
        .insertInto('activities')
        .values([
          {
            id: 'a1',
            workspaceId: 'w',
            partnerId: 'p',
            kind: 'partner.created',
            summary: '',
            data: '{"stage":"identified"}',
            at: now,
          },
          {
            id: 'a2',
            workspaceId: 'w',
            partnerId: 'p',
            kind: 'partner.updated',
            summary: '',
            data: '{"fields":["notes"]}',
            at: now,
          },
          {
            id: 'a3',
            workspaceId: 'w',
            partnerId: 'p',
            kind: 'stage.changed',
            summary: '',
            data: '{"from":"identified","to":"contacted"}',
            at: '2026-11-02T09:00:00.000Z',
          },
        ])
        .execute();

      await migrate(db.store);
      const events = await db.store.db
        .selectFrom('stageEvents')
        .select(['partnerId', 'stage', 'at'])
        .orderBy('at')
        .execute();
      expect(events).toEqual([
        { partnerId: 'p', stage: 'identified', at: now },
        { partnerId: 'p', stage: 'contacted', at: '2026-11-02T09:00:00.000Z' },
      ]);
    });

    it('reshapes the referral indexes for bulk imports, and puts them back on the way down', async () => {
      db = await openTestDb(dialect, { migrate: false });
      const { '009_import_index_shapes': _, ...before009 } = migrations;
      await migrate(db.store, before009);
      const before = await referralIndexes(db.store);
      expect(Object.keys(before)).toContain('referrals_outcome_date');

      await migrate(db.store);
      const after = await referralIndexes(db.store);
      expect(Object.keys(after)).not.toContain('referrals_outcome_date');
      expect(after.referrals_review_received).toContain('workspace_id, date, id, source, partner_id, outcome');

      await m009.down(db.store.db as never);
      expect(await referralIndexes(db.store)).toEqual(before);
      await m009.up(db.store.db as never);
      expect(await referralIndexes(db.store)).toEqual(after);
    });
  });
}
