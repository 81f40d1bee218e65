import type Database from 'better-sqlite3';
import type pg from 'pg';
import { checklist } from '../src/domain/checklist.js';
import type { Period } from '../src/domain/period.js';
import { pipelineFigures, type StageEvent } from '../src/domain/pipeline.js';
import {
  goalFigures,
  namedSources,
  type SourceCounts,
  type SourcesSummary,
  shownPartners,
  sourcesSummary,
} from '../src/domain/review.js';
import { STAGES } from '../src/domain/stage.js';

type Rows = Record<string, unknown>[];
/** Prepares one statement (written with `?` placeholders) and returns a way to run it. */
export type Prepare = (sqlText: string) => (...params: unknown[]) => Promise<Rows>;

/** Statements prepared once on better-sqlite3, run synchronously. */
export function sqlitePrepare(sqlite: Database.Database): Prepare {
  return (sqlText) => {
    const stmt = sqlite.prepare(sqlText);
    return async (...params) => stmt.all(...params) as Rows;
  };
}

/**
 * Named statements on a pg pool, so each connection prepares them once. Queries run side by side
 * across the pool, as the app's do, so the floor is not held back by running them one by one.
 */
export function postgresPrepare(pool: pg.Pool): Prepare {
  let n = 0;
  return (sqlText) => {
    const name = `review_floor_${n++}`;
    let i = 0;
    const text = sqlText.replace(/\?/g, () => `$${++i}`);
    return async (...values) => (await pool.query({ name, text, values })).rows as Rows;
  };
}

/**
 * The floor for the monthly review: the same figures from hand-written SQL on the bare driver
 * (prepared once), combined with the same pure rules. The app's review is measured against this.
 * Only the partner-name lookup differs between the databases: a JSON array on SQLite, a text
 * array on PostgreSQL.
 */
export function reviewFloor(
  prepare: Prepare,
  dialect: 'sqlite' | 'postgres',
  ws: string,
  period: Period,
  until: string,
  trendFrom: string,
) {
  const q = prepare;
  const events = q(`select partner_id, stage, at from stage_events where workspace_id = ? and at < ?
    and partner_id in (select partner_id from stage_events where workspace_id = ? and at >= ? and at < ?)`);
  const received = q(`select source, partner_id, count(*) as received,
      sum(case when outcome = 'won' then 1 else 0 end) as won, sum(case when outcome = 'lost' then 1 else 0 end) as lost,
      sum(case when outcome = 'pending' then 1 else 0 end) as pending
    from referrals where workspace_id = ? and direction = 'received' and date >= ? and date <= ? group by source, partner_id`);
  const won = q(`select source, partner_id, coalesce(sum(monthly_value), 0) as value from referrals
    where workspace_id = ? and direction = 'received' and outcome = 'won' and start_date >= ? and start_date <= ?
    group by source, partner_id`);
  const names =
    dialect === 'sqlite'
      ? q(`select id, name from partners where workspace_id = ? and id in (select value from json_each(?))`)
      : q(`select id, name from partners where workspace_id = ? and id = any(?::text[])`);
  const trend = q(`select substr(start_date, 1, 7) as month, source, coalesce(sum(monthly_value), 0) as value
    from referrals where workspace_id = ? and direction = 'received' and outcome = 'won'
    and start_date >= ? and start_date <= ? group by substr(start_date, 1, 7), source`);
  const recurring = q(`select coalesce(sum(monthly_value), 0) as value from referrals where workspace_id = ?
    and direction = 'received' and outcome = 'won' and source = 'partner'
    and coalesce(end_date, '9999-12-31') > ? and start_date <= ?`);
  const fees = q(`select 'accrued' as kind, direction, coalesce(sum(amount), 0) as value from fee_lines
      where workspace_id = ? and due_date >= ? and due_date <= ? group by direction
    union all select 'paid', direction, coalesce(sum(amount), 0) from fee_lines
      where workspace_id = ? and status = 'paid' and paid_on >= ? and paid_on <= ? group by direction
    union all select 'outstanding', direction, coalesce(sum(amount), 0) from fee_lines
      where workspace_id = ? and status = 'due' and due_date <= ? group by direction`);
  const quiet = q(`select p.id, p.name,
      (select max(r.date) from referrals r where r.workspace_id = p.workspace_id and r.partner_id = p.id) as last_referral,
      (select max(a.at) from activities a where a.workspace_id = p.workspace_id and a.partner_id = p.id) as last_activity
    from partners p where p.workspace_id = ? and p.stage = 'agreement' and p.archived_at is null`);
  const flagged = q(
    `select id, name from partners where workspace_id = ? and bad_fit = 1 and archived_at is null order by name`,
  );
  const counts = q(`select (select count(*) from partners where workspace_id = ? and archived_at is null) as partners,
    (select count(*) from agreements where workspace_id = ? and status = 'active') as active`);

  const sourceRows = async () => {
    const [receivedRows, wonRows] = await Promise.all([
      received(ws, period.from, period.to),
      won(ws, period.from, period.to),
    ]);
    const rows = new Map<string, SourceCounts>();
    for (const r of receivedRows) {
      rows.set(`${r.source}:${r.partner_id}`, {
        source: r.source as SourceCounts['source'],
        partnerId: r.partner_id as string | null,
        partnerName: null,
        received: r.received as number,
        won: r.won as number,
        lost: r.lost as number,
        pending: r.pending as number,
        wonMonthlyValue: 0,
      });
    }
    for (const r of wonRows) {
      const row = rows.get(`${r.source}:${r.partner_id}`);
      if (row) row.wonMonthlyValue = r.value as number;
    }
    return [...rows.values()];
  };

  /** Names for the partners the review shows and recommends. */
  const named = async (sources: SourcesSummary) => {
    const toName = shownPartners(sources, String);
    const byId = new Map(
      (await names(ws, dialect === 'sqlite' ? JSON.stringify(toName.ids) : toName.ids)).map((r) => [
        r.id as string,
        r.name as string,
      ]),
    );
    return namedSources(sources, toName, byId);
  };

  return async () => {
    const [ev, sourceList, t, rec, f, silent, flags, countRows] = await Promise.all([
      events(ws, until, ws, period.startsAt, period.endsAt),
      sourceRows(),
      trend(ws, trendFrom, period.to),
      recurring(ws, period.to, period.to),
      fees(ws, period.from, period.to, ws, period.from, period.to, ws, period.to),
      quiet(ws),
      flagged(ws),
      counts(ws, ws),
    ]);
    const pipeline = pipelineFigures(
      ev.map((r) => ({ partnerId: r.partner_id, to: r.stage, at: r.at }) as StageEvent),
      period.startsAt,
      period.endsAt,
      STAGES,
    );
    const { sources, doubleDown: picks } = await named(sourcesSummary(sourceList));
    const goal = goalFigures({
      newMonthlyRevenue: 0,
      newPartnerMonthlyRevenue: 0,
      recurringPartnerRevenue: rec[0]!.value as number,
      monthlyTarget: 500_000,
      monthlyPlatformCost: 20_000,
    });
    const c = countRows[0]!;
    return {
      pipeline,
      sources,
      t,
      goal,
      f,
      silent,
      flags,
      doubleDown: picks,
      checklist: checklist({
        partnersIdentified: c.partners as number,
        partnerTarget: 10,
        templateDrafted: false,
        messagesSent: 0,
        activeAgreements: c.active as number,
        agreementsWithHandoff: c.active as number,
        referralsLogged: 1,
        lastReviewOn: null,
        cadence: 'monthly',
        today: period.to,
      }),
    };
  };
}
