import type { Command } from 'commander';
import pc from 'picocolors';
import { currentChecklist, listReviews, reviewFigures, saveReview } from '../../app/review.js';
import { reviewMarkdown } from '../../app/review-markdown.js';
import type { Checklist } from '../../domain/checklist.js';
import { emit, table } from '../output.js';
import { withRuntime } from '../session.js';

function periodOptions(cmd: Command): Command {
  return cmd
    .option('--week <week>', 'an ISO week, e.g. 2026-W47')
    .option('--month <month>', 'a month, e.g. 2026-11')
    .option('--from <date>', 'first day (with --to)')
    .option('--to <date>', 'last day (with --from)');
}

const periodOf = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries({ week: o.week, month: o.month, from: o.from, to: o.to }).filter(([, v]) => v));

export function reviewCommands(program: Command) {
  const review = periodOptions(
    program
      .command('review')
      .description('What partnerships brought this week or month, against the goal (default: the current period)')
      .option('--as-of <date>', 'look at the records as of this day')
      .option('--months <n>', 'months of revenue trend', '6')
      .option('--quiet-days <n>', 'days without a referral or activity that count as gone quiet', '45')
      .option('--markdown', 'print the review as Markdown'),
  ).action(async (opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const r = await reviewFigures(deps, ctx, {
        ...periodOf(opts),
        asOf: opts.asOf,
        months: opts.months,
        quietDays: opts.quietDays,
      });
      if (opts.markdown && !o.json) return o.out(reviewMarkdown(r));
      emit(o, r, (v) => reviewMarkdown(v));
    }),
  );

  periodOptions(
    review
      .command('save')
      .description('Save the review with your notes and decisions')
      .option('--notes <text>', 'what you noticed')
      .option('--decisions <text>', 'what you will do'),
  ).action(async (opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const saved = await saveReview(deps, ctx, { ...periodOf(opts), notes: opts.notes, decisions: opts.decisions });
      emit(o, saved, (s) => `${pc.green('Saved')} the review of ${s.periodLabel}`);
    }),
  );

  review
    .command('list')
    .description('Past reviews, newest first')
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) =>
        emit(o, await listReviews(deps, ctx), (l) =>
          l.items.length === 0
            ? 'No review saved yet. Save one with: partnerloop review save --notes "…"'
            : table(
                ['Period', 'Reviewed', 'Notes', 'Id'],
                l.items.map((r) => [r.periodLabel, r.reviewedAt.slice(0, 10), r.notes, r.id]),
              ),
        ),
      ),
    );

  program
    .command('checklist')
    .description("The guide's checklist, computed from your records, with the next thing to do")
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => emit(o, await currentChecklist(deps, ctx), describeChecklist)),
    );
}

function describeChecklist(c: Checklist): string {
  const lines = c.items.map((i) => {
    const progress = i.progress ? pc.dim(` (${i.progress.current} of ${i.progress.target})`) : '';
    return `${i.done ? pc.green('✔') : pc.dim('○')} ${i.label}${progress}`;
  });
  const next = c.next ? `\n\n${pc.bold('Next:')} ${c.next.next}` : `\n\n${pc.green('Every step is in place.')}`;
  return `${pc.bold(`${c.done} of ${c.total} done`)}\n${lines.join('\n')}${next}`;
}
