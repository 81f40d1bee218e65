import { type Command, Option } from 'commander';
import pc from 'picocolors';
import type { Ctx, Deps } from '../../app/context.js';
import { resolvePartner } from '../../app/partners.js';
import { showProfile } from '../../app/profile.js';
import {
  addReferral,
  editReferral,
  endClient,
  flaggedPartners,
  judgeFit,
  listReferralPage,
  markLost,
  markWon,
  type ReferralDetail,
  reopenReferral,
  showReferral,
} from '../../app/referrals.js';
import { LOST_REASONS, REFERRAL_DIRECTIONS, REFERRAL_OUTCOMES, REFERRAL_SOURCES } from '../../domain/referral.js';
import { fieldFlags } from '../field-flags.js';
import { parseMajor } from '../flags.js';
import { emit, keyValues, money, table } from '../output.js';
import { withRuntime } from '../session.js';

async function partnerId(deps: Deps, ctx: Ctx, ref: string | undefined): Promise<string | undefined> {
  return ref ? (await resolvePartner(deps, ctx, ref)).id : undefined;
}

export function referralCommand(program: Command) {
  const referral = program.command('referral').description('Referrals received and given, and their outcomes');

  referral
    .command('add')
    .description('Log a referral')
    .argument('<lead>', 'lead name')
    .addOption(
      new Option('--direction <dir>', 'received or given').choices([...REFERRAL_DIRECTIONS]).makeOptionMandatory(),
    )
    .option('--partner <partner>', 'the partner (id, e-mail or name)')
    .addOption(new Option('--source <source>', 'where it came from').choices([...REFERRAL_SOURCES]))
    .option('--company <text>', 'company')
    .option('--contact <text>', 'contact details')
    .option('--date <YYYY-MM-DD>', 'when (default today)')
    .option('--notes <text>', 'notes')
    .addOption(new Option('--fit <fit>', 'fit judgement').choices(['good', 'bad']))
    .action(async (lead: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const created = await addReferral(deps, ctx, {
          leadName: lead,
          direction: opts.direction,
          partnerId: await partnerId(deps, ctx, opts.partner),
          source: opts.source,
          company: opts.company,
          contact: opts.contact,
          date: opts.date,
          notes: opts.notes,
          fit: opts.fit,
        });
        emit(o, created, (r) => `${pc.green('Logged')} ${r.direction} referral ${r.leadName} ${pc.dim(r.id)}`);
      }),
    );

  referral
    .command('list')
    .description('The referral log, newest first')
    .addOption(new Option('--direction <dir>').choices([...REFERRAL_DIRECTIONS]))
    .addOption(new Option('--source <source>').choices([...REFERRAL_SOURCES]))
    .addOption(new Option('--outcome <outcome>').choices([...REFERRAL_OUTCOMES]))
    .option('--partner <partner>', 'id, e-mail or name')
    .option('--from <YYYY-MM-DD>', 'on or after')
    .option('--to <YYYY-MM-DD>', 'on or before')
    .option('--limit <n>', 'page size', '50')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const page = await listReferralPage(deps, ctx, {
          direction: opts.direction,
          source: opts.source,
          outcome: opts.outcome,
          partnerId: await partnerId(deps, ctx, opts.partner),
          from: opts.from,
          to: opts.to,
          limit: opts.limit,
          cursor: opts.cursor,
        });
        const { currency } = await showProfile(deps, ctx);
        emit(o, page, (p) => {
          if (p.items.length === 0) return 'No referrals match.';
          const rows = p.items.map((r) => [
            r.date,
            r.direction,
            r.source,
            r.leadName,
            r.outcome + (r.lostReason ? ` (${r.lostReason})` : ''),
            r.monthlyValue === null ? null : money(r.monthlyValue, currency),
            r.fit,
            r.id,
          ]);
          const more = p.nextCursor ? `\nMore: --cursor ${p.nextCursor}` : '';
          return `${table(['Date', 'Way', 'Source', 'Lead', 'Outcome', 'Monthly', 'Fit', 'Id'], rows)}${more}`;
        });
      }),
    );

  const detail = (currency: string) => (r: ReferralDetail) =>
    `${pc.bold(r.leadName)} ${pc.dim(r.id)}\n${keyValues([
      ['Direction', r.direction],
      ['Source', r.source],
      ['Date', r.date],
      ['Outcome', r.outcome + (r.lostReason ? ` (${r.lostReason})` : '')],
      ['Monthly value', r.monthlyValue === null ? null : money(r.monthlyValue, currency)],
      ['Client', r.startDate ? `${r.startDate} → ${r.endDate ?? 'ongoing'}` : null],
      ['Fit', r.fit],
    ])}${
      r.feeLines.length
        ? `\n\n${table(
            ['Month', 'Due', 'Amount', 'Way', 'Status', 'Line id'],
            r.feeLines.map((l) => [
              l.seq,
              l.dueDate,
              money(l.amount, currency),
              l.direction,
              l.paidOn ? `paid ${l.paidOn}` : l.status,
              l.id,
            ]),
          )}`
        : ''
    }`;

  const run = (
    name: string,
    help: string,
    build: (c: Command) => Command,
    act: (deps: Deps, ctx: Ctx, id: string, opts: Record<string, string>) => Promise<ReferralDetail>,
  ) =>
    build(referral.command(name).description(help).argument('<referral>', 'referral id')).action(
      async (id: string, opts, cmd: Command) =>
        withRuntime(cmd, async ({ deps, ctx }, o) => {
          const result = await act(deps, ctx, id, opts);
          emit(o, result, detail((await showProfile(deps, ctx)).currency));
        }),
    );

  run(
    'show',
    'A referral and its fee lines',
    (c) => c,
    (deps, ctx, id) => showReferral(deps, ctx, id),
  );
  run(
    'won',
    'Mark won: monthly value (whole currency units) and start date',
    (c) =>
      fieldFlags(c, { monthlyValue: '--value', startDate: '--start' })
        .requiredOption('--value <amount>', 'monthly value, e.g. 2000')
        .requiredOption('--start <YYYY-MM-DD>', 'client start date'),
    (deps, ctx, id, o) => markWon(deps, ctx, id, { monthlyValue: parseMajor('--value', o.value!), startDate: o.start }),
  );
  run(
    'lost',
    'Mark lost with a reason',
    (c) =>
      c
        .addOption(new Option('--reason <reason>').choices([...LOST_REASONS]).makeOptionMandatory())
        .option('--note <text>', 'details'),
    (deps, ctx, id, o) => markLost(deps, ctx, id, { reason: o.reason, note: o.note }),
  );
  run(
    'end',
    'A won client stopped',
    (c) => c.requiredOption('--on <YYYY-MM-DD>', 'the day it stopped'),
    (deps, ctx, id, o) => endClient(deps, ctx, id, { on: o.on }),
  );
  run(
    'edit',
    'Change a referral (a won one’s value or start re-derives its unpaid fee lines)',
    (c) =>
      fieldFlags(c, { leadName: '--lead', monthlyValue: '--value', startDate: '--start' })
        .option('--lead <name>', 'lead name')
        .option('--company <text>', 'company')
        .option('--contact <text>', 'contact details')
        .option('--date <YYYY-MM-DD>', 'referral date')
        .option('--notes <text>', 'notes')
        .option('--value <amount>', 'monthly value of a won client, e.g. 2500')
        .option('--start <YYYY-MM-DD>', 'client start date'),
    (deps, ctx, id, o) =>
      editReferral(deps, ctx, id, {
        leadName: o.lead,
        company: o.company,
        contact: o.contact,
        date: o.date,
        notes: o.notes,
        monthlyValue: o.value === undefined ? undefined : parseMajor('--value', o.value),
        startDate: o.start,
      }),
  );
  run(
    'reopen',
    'Back to pending',
    (c) => c,
    (deps, ctx, id) => reopenReferral(deps, ctx, id),
  );
  run(
    'fit',
    'Judge the fit',
    (c) =>
      c.addOption(
        new Option('--fit <fit>', 'good, bad or none').choices(['good', 'bad', 'none']).makeOptionMandatory(),
      ),
    (deps, ctx, id, o) => judgeFit(deps, ctx, id, { fit: o.fit === 'none' ? null : o.fit }),
  );

  referral
    .command('flags')
    .description('Partners flagged by the bad-fit rule (2 of the last 3 judged referrals were a bad fit)')
    .action(async (_opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        emit(o, await flaggedPartners(deps, ctx), (f) =>
          f.items.length === 0
            ? 'No partner is flagged.'
            : f.items
                .map(
                  (p) =>
                    `${pc.yellow('!')} ${p.partnerName}: ${p.badFit.badCount} of the last ${p.badFit.judged.length} judged referrals were a bad fit — ${p.actions[0]?.title}`,
                )
                .join('\n'),
        );
      }),
    );
}
