import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { type FeeTotals, feeTotals, listFees, payFeeLine, unpayFeeLine } from '../../app/fees.js';
import { resolvePartner } from '../../app/partners.js';
import { showProfile } from '../../app/profile.js';
import { emit, money, table } from '../output.js';
import { withRuntime } from '../session.js';

export function feesCommand(program: Command) {
  const fees = program
    .command('fees')
    .description('The fee ledger: what is owed to and by each partner, and when')
    .option('--partner <partner>', 'id, e-mail or name')
    .addOption(new Option('--status <status>', 'due, overdue or paid').choices(['due', 'overdue', 'paid']))
    .addOption(
      new Option('--direction <dir>', 'payable (we owe) or receivable (owed to us)').choices(['payable', 'receivable']),
    )
    .option('--from <YYYY-MM-DD>', 'due on or after')
    .option('--to <YYYY-MM-DD>', 'due on or before')
    .option('--as-of <YYYY-MM-DD>', 'overdue means due before this day (default today)')
    .option('--limit <n>', 'page size', '100')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const partnerId = opts.partner ? (await resolvePartner(deps, ctx, opts.partner)).id : undefined;
        const page = await listFees(deps, ctx, {
          partnerId,
          status: opts.status,
          direction: opts.direction,
          from: opts.from,
          to: opts.to,
          asOf: opts.asOf,
          limit: opts.limit,
          cursor: opts.cursor,
        });
        if (o.json) return emit(o, page, () => '');
        const { currency } = await showProfile(deps, ctx);
        const totals = await feeTotals(deps, ctx, { partnerId, from: opts.from, to: opts.to, asOf: opts.asOf });
        const rows = page.items.map((l) => [
          l.dueDate,
          l.partnerName,
          l.leadName,
          l.seq,
          l.direction === 'payable' ? 'we owe' : 'owed to us',
          money(l.amount, currency),
          l.status === 'paid' ? `paid ${l.paidOn}` : l.overdue ? pc.red('overdue') : 'due',
          l.id,
        ]);
        const more = page.nextCursor ? `\nMore: --cursor ${page.nextCursor}` : '';
        o.out(
          `${rows.length ? table(['Due', 'Partner', 'Lead', 'Month', 'Way', 'Amount', 'Status', 'Line id'], rows) : 'No fee lines match.'}${more}\n\n${describeTotals(totals, currency)}`,
        );
      }),
    );

  fees
    .command('totals')
    .description('Due, overdue and paid each way, overall and per partner')
    .option('--partner <partner>', 'id, e-mail or name')
    .option('--from <YYYY-MM-DD>', 'due on or after')
    .option('--to <YYYY-MM-DD>', 'due on or before')
    .option('--as-of <YYYY-MM-DD>', 'overdue means due before this day (default today)')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const partnerId = opts.partner ? (await resolvePartner(deps, ctx, opts.partner)).id : undefined;
        const totals = await feeTotals(deps, ctx, { partnerId, from: opts.from, to: opts.to, asOf: opts.asOf });
        const { currency } = await showProfile(deps, ctx);
        emit(o, totals, (t) => describeTotals(t, currency));
      }),
    );

  fees
    .command('pay')
    .description('Mark a fee line paid')
    .argument('<line>', 'fee line id')
    .option('--on <YYYY-MM-DD>', 'when (default today)')
    .action(async (id: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const line = await payFeeLine(deps, ctx, id, opts.on ? { on: opts.on } : {});
        const { currency } = await showProfile(deps, ctx);
        emit(o, line, (l) => `${pc.green('Paid')} ${money(l.amount, currency)} on ${l.paidOn}`);
      }),
    );

  fees
    .command('unpay')
    .description('Mark a paid fee line unpaid again')
    .argument('<line>', 'fee line id')
    .action(async (id: string, _opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        emit(o, await unpayFeeLine(deps, ctx, id), () => `${pc.green('Marked unpaid')}`);
      }),
    );
}

function describeTotals(t: FeeTotals, currency: string): string {
  const m = (v: number) => money(v, currency);
  return table(
    ['', 'Due', 'Overdue', 'Paid'],
    [
      ['We owe partners', m(t.payable.due), m(t.payable.overdue), m(t.payable.paid)],
      ['Owed to us', m(t.receivable.due), m(t.receivable.overdue), m(t.receivable.paid)],
    ],
  );
}
