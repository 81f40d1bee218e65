import { type Kysely, sql } from 'kysely';

// 007 added the bad-fit flag to partner rows at 0 and only referral changes set it since, so a
// database that already held a partner's bad fits before 007 never listed that partner among
// the flagged ones (Today, GET /flags), while the partner's own page judged it flagged. This
// judges every partner with judged referrals once, by the rule as it stood when this was
// written: at least 2 bad fits among its latest 3 judged received referrals.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update partners set bad_fit = case when (
      select count(*) from (
        select r.fit from referrals r
        where r.workspace_id = partners.workspace_id and r.partner_id = partners.id
          and r.direction = 'received' and r.fit is not null
        order by r.date desc, r.id desc
        limit 3
      ) latest where latest.fit = 'bad'
    ) >= 2 then 1 else 0 end
    where exists (
      select 1 from referrals r
      where r.workspace_id = partners.workspace_id and r.partner_id = partners.id and r.fit is not null
    )`.execute(db);
}

export async function down(): Promise<void> {
  // The flags it set are the ones the app keeps from here on; there is nothing to undo.
}
