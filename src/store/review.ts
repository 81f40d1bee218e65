import { type Kysely, sql } from 'kysely';
import type { StageEvent } from '../domain/pipeline.js';
import { REFERRAL_SOURCES, type ReferralSource } from '../domain/referral.js';
import type { SourceCounts } from '../domain/review.js';
import type { Stage } from '../domain/stage.js';
import type { DB } from './schema.js';

// The review's reads. Each is one query over an index range of the period, written so the
// database does the grouping; the app combines them with the pure rules in domain/review.

/** Stage history up to `until` of every partner that moved in [startsAt, endsAt). */
export async function cohortStageEvents(
  db: Kysely<DB>,
  ws: string,
  startsAt: string,
  endsAt: string,
  until: string,
): Promise<StageEvent[]> {
  const rows = await db
    .selectFrom('stageEvents')
    .select(['partnerId', 'stage', 'at'])
    .where('workspaceId', '=', ws)
    .where('at', '<', until)
    .where('partnerId', 'in', (eb) =>
      eb
        .selectFrom('stageEvents')
        .select('partnerId')
        .where('workspaceId', '=', ws)
        .where('at', '>=', startsAt)
        .where('at', '<', endsAt),
    )
    .execute();
  return rows.map((r) => ({ partnerId: r.partnerId, to: r.stage as Stage, at: r.at }));
}

/**
 * Received leads dated in [from, to], and clients won that started in it, per source and
 * partner, without names: a big workspace has thousands of partners with leads in a month, and
 * the review names only those it shows (see `partnerNames`).
 */
export async function sourceCounts(db: Kysely<DB>, ws: string, from: string, to: string): Promise<SourceCounts[]> {
  // These reads return as little as they can: one key per group (a referral has a partner
  // exactly when its source is partner, so the partner id, else the source word) and counts,
  // with pending left to arithmetic. Named in the SQL and read without the camel-case plugin,
  // they cost about half what they did.
  const raw = db.withoutPlugins();
  // Asked together, so a reader on another thread has both before it answers the first.
  const [received, won] = await Promise.all([
    sql<{ k: string; received: number; won: number; lost: number }>`
    select coalesce(partner_id, source) as k, count(*) as received,
      sum(case when outcome = 'won' then 1 else 0 end) as won,
      sum(case when outcome = 'lost' then 1 else 0 end) as lost
    from referrals
    where workspace_id = ${ws} and direction = 'received' and date >= ${from} and date <= ${to}
    group by coalesce(partner_id, source)`.execute(raw),
    sql<{ k: string; value: number }>`
    select coalesce(partner_id, source) as k, coalesce(sum(monthly_value), 0) as value
    from referrals
    where workspace_id = ${ws} and direction = 'received' and outcome = 'won'
      and start_date >= ${from} and start_date <= ${to}
    group by coalesce(partner_id, source)`.execute(raw),
  ]);

  const rows = new Map<string, SourceCounts>();
  const row = (k: string) => {
    let r = rows.get(k);
    if (!r) {
      const isSource = (REFERRAL_SOURCES as readonly string[]).includes(k);
      r = {
        source: isSource ? (k as ReferralSource) : 'partner',
        partnerId: isSource ? null : k,
        partnerName: null,
        received: 0,
        won: 0,
        lost: 0,
        pending: 0,
        wonMonthlyValue: 0,
      };
      rows.set(k, r);
    }
    return r;
  };
  for (const x of received.rows) {
    const r = row(x.k);
    r.received = Number(x.received);
    r.won = Number(x.won);
    r.lost = Number(x.lost);
    r.pending = r.received - r.won - r.lost;
  }
  for (const x of won.rows) row(x.k).wonMonthlyValue = Number(x.value);
  return [...rows.values()];
}

/** Monthly value of all clients won that started in [from, to], by start month and source. */
export async function wonByMonth(
  db: Kysely<DB>,
  ws: string,
  from: string,
  to: string,
): Promise<{ month: string; source: string; value: number }[]> {
  // Grouped by day and source, the index's own order, the database aggregates as it reads;
  // grouping by month would sort a year of won clients first (about 2.5x slower on the
  // reference set). Days fold into months here.
  const r = await sql<{ day: string; source: string; value: number }>`
    select start_date as day, source, coalesce(sum(monthly_value), 0) as value
    from referrals
    where workspace_id = ${ws} and direction = 'received' and outcome = 'won'
      and start_date >= ${from} and start_date <= ${to}
    group by start_date, source`.execute(db.withoutPlugins());
  const months = new Map<string, { month: string; source: string; value: number }>();
  for (const x of r.rows) {
    const month = x.day.slice(0, 7);
    const key = `${month}:${x.source}`;
    const m = months.get(key);
    if (m) m.value += Number(x.value);
    else months.set(key, { month, source: x.source, value: Number(x.value) });
  }
  return [...months.values()];
}

/** Monthly revenue of partner-sourced clients active on `on` (started, not yet ended). */
export async function recurringPartnerRevenue(db: Kysely<DB>, ws: string, on: string): Promise<number> {
  const r = await sql<{ value: number }>`
    select coalesce(sum(monthly_value), 0) as value from referrals
    where workspace_id = ${ws} and direction = 'received' and outcome = 'won' and source = 'partner'
      and coalesce(end_date, '9999-12-31') > ${on} and start_date <= ${on}`.execute(db);
  return Number(r.rows[0]?.value ?? 0);
}

export interface FeeSums {
  accrued: { payable: number; receivable: number };
  paid: { payable: number; receivable: number };
  outstanding: { payable: number; receivable: number };
}

/** Fees falling due in the period, paid in it, and still unpaid and due by its end. */
export async function feeSums(db: Kysely<DB>, ws: string, from: string, to: string): Promise<FeeSums> {
  const sums = await sql<{ kind: string; direction: string; value: number }>`
    select 'accrued' as kind, direction, coalesce(sum(amount), 0) as value from fee_lines
      where workspace_id = ${ws} and due_date >= ${from} and due_date <= ${to} group by direction
    union all
    select 'paid' as kind, direction, coalesce(sum(amount), 0) as value from fee_lines
      where workspace_id = ${ws} and status = 'paid' and paid_on >= ${from} and paid_on <= ${to} group by direction
    union all
    select 'outstanding' as kind, direction, coalesce(sum(amount), 0) as value from fee_lines
      where workspace_id = ${ws} and status = 'due' and due_date <= ${to} group by direction`.execute(db);
  const out: FeeSums = {
    accrued: { payable: 0, receivable: 0 },
    paid: { payable: 0, receivable: 0 },
    outstanding: { payable: 0, receivable: 0 },
  };
  for (const r of sums.rows) {
    const bucket = out[r.kind as keyof FeeSums];
    if (r.direction === 'payable' || r.direction === 'receivable') bucket[r.direction] = Number(r.value);
  }
  return out;
}

/** Partners with a working agreement, with their last referral, last timeline entry and agreement start. */
export async function agreementPartnersActivity(db: Kysely<DB>, ws: string) {
  const r = await sql<{
    id: string;
    name: string;
    lastReferral: string | null;
    lastActivity: string | null;
    since: string | null;
  }>`
    select q.id, q.name, q.last_referral, q.last_activity,
      -- The agreement's start matters only for a partner with no sign at all; skip the lookup
      -- for the rest (hundreds of partners on a big workspace).
      case when q.last_referral is null and q.last_activity is null then
        (select max(g.start_date) from agreements g
          where g.workspace_id = q.workspace_id and g.partner_id = q.id and g.status = 'active')
      end as since
    from (
      select p.id, p.name, p.workspace_id,
        (select max(r.date) from referrals r where r.workspace_id = p.workspace_id and r.partner_id = p.id) as last_referral,
        (select max(a.at) from activities a where a.workspace_id = p.workspace_id and a.partner_id = p.id) as last_activity
      from partners p
      where p.workspace_id = ${ws} and p.stage = 'agreement' and p.archived_at is null
    ) q`.execute(db);
  return r.rows;
}

/** Active or proposed agreements with a term marked disputed. */
export async function disputedAgreements(db: Kysely<DB>, ws: string) {
  return db
    .selectFrom('agreements')
    .innerJoin('partners', 'partners.id', 'agreements.partnerId')
    .select(['agreements.id', 'agreements.partnerId', 'partners.name as partnerName', 'agreements.disputedTerms'])
    .where('agreements.workspaceId', '=', ws)
    .where('agreements.status', 'in', ['proposed', 'active'])
    .where('agreements.disputedTerms', '!=', '[]')
    .execute();
}

export interface ChecklistCounts {
  partners: number;
  templateDrafted: boolean;
  firstTouches: number;
  activeAgreements: number;
  agreementsWithHandoff: number;
  referrals: number;
  lastReviewAt: string | null;
}

export async function checklistCounts(db: Kysely<DB>, ws: string): Promise<ChecklistCounts> {
  const r = await sql<{
    partners: number;
    templates: number;
    firstTouches: number;
    activeAgreements: number;
    withHandoff: number;
    referrals: number;
    lastReviewAt: string | null;
  }>`select
      (select count(*) from partners where workspace_id = ${ws} and archived_at is null) as partners,
      (select count(*) from templates where workspace_id = ${ws} and kind = 'first_touch'
        and (is_default = 0 or updated_at > created_at)) as templates,
      (select count(*) from messages where workspace_id = ${ws} and kind = 'first_touch') as first_touches,
      (select count(*) from agreements where workspace_id = ${ws} and status = 'active') as active_agreements,
      (select count(*) from agreements where workspace_id = ${ws} and status = 'active'
        and handoff_method is not null) as with_handoff,
      (select count(*) from (select 1 from referrals where workspace_id = ${ws} limit 1) one) as referrals,
      (select max(reviewed_at) from reviews where workspace_id = ${ws}) as last_review_at`.execute(db);
  const row = r.rows[0]!;
  return {
    partners: Number(row.partners),
    templateDrafted: Number(row.templates) > 0,
    firstTouches: Number(row.firstTouches),
    activeAgreements: Number(row.activeAgreements),
    agreementsWithHandoff: Number(row.withHandoff),
    referrals: Number(row.referrals),
    lastReviewAt: row.lastReviewAt,
  };
}
