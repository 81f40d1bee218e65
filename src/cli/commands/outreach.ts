import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { type Preview, previewMessage, recordReply, sendMessage } from '../../app/outreach.js';
import { resolvePartner } from '../../app/partners.js';
import { type FollowUpItem, listFollowUps, type Today, today } from '../../app/today.js';
import { MESSAGE_CHANNELS } from '../../domain/outreach.js';
import { emit, table } from '../output.js';
import { withRuntime } from '../session.js';

const ANSWERS: Record<string, string> = {
  interested: 'interested',
  'not-now': 'not_now',
  not_now: 'not_now',
  no: 'no',
};

export function outreachCommands(program: Command) {
  const outreach = program.command('outreach').description('Compose and send messages to partners');

  outreach
    .command('preview')
    .description('Render a template for a partner and list the empty fields')
    .argument('<partner>', 'id, e-mail or exact name')
    .option('--template <template>', 'template id or name (default: the one for the stage)')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        emit(o, await previewMessage(deps, ctx, p.id, { template: opts.template }), describePreview);
      }),
    );

  outreach
    .command('send')
    .description('Send by e-mail (when SMTP_URL is set) or record a message you copied and sent yourself')
    .argument('<partner>', 'id, e-mail or exact name')
    .option('--template <template>', 'template id or name (default: the one for the stage)')
    .addOption(new Option('--channel <channel>', 'how it goes out').choices([...MESSAGE_CHANNELS]))
    .option('--on <date>', 'when it was really sent (YYYY-MM-DD), for logging after the fact')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        const m = await sendMessage(deps, ctx, p.id, { template: opts.template, channel: opts.channel, on: opts.on });
        emit(o, m, (x) =>
          x.delivery === 'smtp'
            ? `${pc.green('Sent')} ${x.kind.replace(/_/g, ' ')} to ${x.recipient} ${pc.dim(`Message-ID ${x.messageId}`)}`
            : `${pc.green('Marked sent')} ${x.kind.replace(/_/g, ' ')} (${x.channel}) on ${x.sentOn}\n\n${x.subject ? `${x.subject}\n\n` : ''}${x.body}`,
        );
      }),
    );

  program
    .command('followups')
    .description('Partners waiting for their one follow-up, and those gone silent after it')
    .option('--as-of <date>', 'as of this day (YYYY-MM-DD)')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) =>
        emit(o, await listFollowUps(deps, ctx, { asOf: opts.asOf }), (l) =>
          l.items.length === 0 ? `Nothing waiting for a follow-up as of ${l.asOf}.` : followUpTable(l.items),
        ),
      ),
    );

  program
    .command('reply')
    .description('Record their answer: interested, not-now or no')
    .argument('<partner>', 'id, e-mail or exact name')
    .argument('<answer>', 'interested | not-now | no')
    .option('--on <date>', 'the day they replied (YYYY-MM-DD)')
    .option('--note <text>', 'what they said')
    .action(async (ref: string, answer: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const p = await resolvePartner(deps, ctx, ref);
        const r = await recordReply(deps, ctx, p.id, {
          answer: ANSWERS[answer] ?? answer,
          on: opts.on,
          note: opts.note,
        });
        emit(o, r, (x) => `${pc.green('Recorded')} ${p.name}: ${x.answer.replace('_', ' ')} on ${x.repliedOn}`);
      }),
    );

  program
    .command('today')
    .description('What needs you today: follow-ups, calls, silent partners, next actions, fees, flags, the review')
    .option('--as-of <date>', 'as of this day (YYYY-MM-DD)')
    .action(async (opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => emit(o, await today(deps, ctx, { asOf: opts.asOf }), describeToday)),
    );
}

function describePreview(p: Preview): string {
  const missing = p.missing.length
    ? `\n\n${pc.yellow('Empty fields (sending is refused until they are filled):')}\n${p.missing.map((m) => `  {{${m.field}}}  ${pc.dim(m.label)}`).join('\n')}`
    : `\n\n${pc.green('Ready to send.')}`;
  return `${pc.dim('To:')} ${p.recipient ?? '—'}\n${pc.dim('Subject:')} ${p.subject ?? '—'}\n\n${p.body}${missing}`;
}

function followUpTable(items: FollowUpItem[]): string {
  return table(
    ['Partner', 'State', 'First touch', 'Due', 'Late from', 'Follow-up sent'],
    items.map((f) => [f.partner.name, f.state.replace(/_/g, ' '), f.firstTouchOn, f.dueOn, f.overdueOn, f.followUpOn]),
  );
}

function describeToday(t: Today): string {
  const sections: string[] = [pc.bold(`Today, ${t.asOf} (${t.timeZone})`)];
  const list = (title: string, lines: string[]) => {
    if (lines.length) sections.push(`${pc.bold(title)}\n${lines.map((l) => `  ${l}`).join('\n')}`);
  };
  list(
    'Follow-ups overdue',
    t.followUpsOverdue.map((f) => `${f.partner.name} ${pc.red(`late since ${f.overdueOn}`)}`),
  );
  list(
    'Follow-ups due',
    t.followUpsDue.map((f) => `${f.partner.name} ${pc.dim(`due since ${f.dueOn}`)}`),
  );
  list(
    'Calls today',
    t.callsToday.map((c) => `${c.localStart.slice(11)} ${c.partner.name} (${c.minutes} min) ${pc.dim(c.id)}`),
  );
  list(
    'Calls this week',
    t.callsThisWeek.map((c) => `${c.localStart.replace('T', ' ')} ${c.partner.name} ${pc.dim(c.id)}`),
  );
  list(
    'No reply after the follow-up (mark as no response?)',
    t.proposedNoResponse.map((f) => `${f.partner.name} ${pc.dim(`followed up ${f.followUpOn}`)}`),
  );
  const more = (shown: number, total: number, where: string) =>
    total > shown ? [pc.dim(`…and ${(total - shown).toLocaleString('en')} more: ${where}`)] : [];
  list('Next actions', [
    ...t.nextActions.map((a) => `${a.nextActionDate} ${a.name}${a.nextAction ? `: ${a.nextAction}` : ''}`),
    ...more(t.nextActions.length, t.nextActionsTotal, 'partnerloop partner list --sort next_action'),
  ]);
  list(
    'Fees due this week',
    t.feesDue.map(
      (f) =>
        `${f.dueDate} ${f.direction === 'payable' ? 'pay' : 'collect from'} ${f.partnerName} ${(f.amount / 100).toFixed(2)}${f.overdue ? pc.red(' overdue') : ''} ${pc.dim(f.id)}`,
    ),
  );
  list('Talk to about lead quality', [
    ...t.flags.map((f) => `${f.partnerName}: ${f.actions.map((a) => a.title).join('; ')}`),
    ...more(t.flags.length, t.flagsTotal, 'partnerloop referral flags'),
  ]);
  if (t.review.due) list('Review', [`The ${t.review.period} review is due: partnerloop review`]);
  if (sections.length === 1) sections.push('Nothing needs you today.');
  return sections.join('\n\n');
}
