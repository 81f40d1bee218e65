import { type Kysely, sql } from 'kysely';

// The review's "still owed" figure sums unpaid fee lines due by the period's end. Without
// statistics SQLite read it off the covering index of every line by due date (all of them up
// to that day, ~100,000 on the reference set, 4.7 ms); unpaid lines are a few percent, and
// this index holds only them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index fee_lines_review_outstanding on fee_lines (workspace_id, due_date, direction, amount)
    where status = 'due'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('fee_lines_review_outstanding').execute();
}
