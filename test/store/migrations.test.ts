import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { dialects, openTestDb, type TestDb } from '../helpers/db.js';

for (const dialect of dialects) {
  describe(`migrations [${dialect}]`, () => {
    let db: TestDb | undefined;
    afterEach(async () => db?.cleanup());

    it('carries stage history from the timeline of a foundation-only database', async () => {
      db = await openTestDb(dialect, { migrate: false });
      // Name our schema, as migrate() does: other schemas on the same server (parallel or
      // abandoned test runs) hold a kysely_migration table Kysely would otherwise take for ours.
      const schema =
        dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.store.db)).rows[0]?.s
          : undefined;
      const old = new Migrator({
        db: db.store.db,
        provider: { getMigrations: async () => ({ '001_foundation': migrations['001_foundation']! }) },
        ...(schema ? { migrationTableSchema: schema } : {}),
      });
      expect((await old.migrateToLatest()).error).toBeUndefined();
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
  });
}
