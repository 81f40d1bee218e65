import fs from 'node:fs';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import {
  activateAgreement,
  addAgreement,
  disputeTerm,
  editAgreement,
  endAgreement,
  listAgreements,
  recordRefusal,
} from '../../app/agreements.js';
import type { Ctx, Deps } from '../../app/context.js';
import { onePager, onePagerPdf } from '../../app/onepager.js';
import { resolvePartner } from '../../app/partners.js';
import { showProfile } from '../../app/profile.js';
import { AGREEMENT_TERMS, type Agreement, describeFee, HANDOFF_METHODS } from '../../domain/agreement.js';
import { AppError } from '../../domain/errors.js';
import { fieldFlags } from '../field-flags.js';
import { parseFeeTerms } from '../flags.js';
import { emit, keyValues, money } from '../output.js';
import { withRuntime } from '../session.js';

const TERM_FLAGS: [flag: string, help: string][] = [
  ['--pay-them <terms>', 'our fee to them for clients they send us: none | 10%x3 | 500 (flat)'],
  ['--they-pay <terms>', 'their fee to us for clients we send them: none | 10%x3 | 500 (flat)'],
  ['--they-refer <text>', 'what they refer to us'],
  ['--we-refer <text>', 'what we refer to them'],
  ['--handoff-instructions <text>', 'how a lead is handed over'],
  ['--exclusivity <text>', 'exclusivity (default none)'],
  ['--start <YYYY-MM-DD>', 'start date'],
  ['--review <YYYY-MM-DD>', 'review date'],
  ['--signed <YYYY-MM-DD>', 'signed date'],
  ['--notes <text>', 'notes'],
];

/** Each term flag's option attribute, flag and app field (the error names the flag). */
const TERM_FIELDS: [option: string, flag: string, field: string][] = [
  ['payThem', '--pay-them', 'feeToThem'],
  ['theyPay', '--they-pay', 'feeToUs'],
  ['theyRefer', '--they-refer', 'theyReferToUs'],
  ['weRefer', '--we-refer', 'weReferToThem'],
  ['handoff', '--handoff', 'handoffMethod'],
  ['handoffInstructions', '--handoff-instructions', 'handoffInstructions'],
  ['exclusivity', '--exclusivity', 'exclusivity'],
  ['start', '--start', 'startDate'],
  ['review', '--review', 'reviewDate'],
  ['signed', '--signed', 'signedDate'],
  ['notes', '--notes', 'notes'],
  ['form', '--form', 'form'],
];
const FEE_OPTIONS = new Set(['payThem', 'theyPay']);

function withTermFlags(cmd: Command): Command {
  for (const [flag, help] of TERM_FLAGS) cmd.option(flag, help);
  fieldFlags(cmd, Object.fromEntries(TERM_FIELDS.map(([, flag, field]) => [field, flag])));
  return cmd
    .addOption(new Option('--form <form>', 'informal or written').choices(['informal', 'written']))
    .addOption(new Option('--handoff <method>', 'how leads are handed over').choices([...HANDOFF_METHODS]));
}

function termsFrom(o: Record<string, string | undefined>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [option, flag, field] of TERM_FIELDS) {
    const value = o[option];
    if (value !== undefined) input[field] = FEE_OPTIONS.has(option) ? parseFeeTerms(flag, value) : value;
  }
  return input;
}

/** The agreement a command means: `--id`, else the partner's latest with the wanted status. */
async function pick(deps: Deps, ctx: Ctx, ref: string, id: string | undefined, status?: Agreement['status']) {
  const partner = await resolvePartner(deps, ctx, ref);
  const { items, inForce } = await listAgreements(deps, ctx, partner.id);
  const found = id
    ? items.find((a) => a.id === id)
    : status
      ? items.find((a) => a.status === status)
      : (inForce ?? items[0]);
  if (!found) {
    throw AppError.notFound(`${status ? `${status} agreement` : 'Agreement'} for`, partner.name);
  }
  return { partner, agreement: found };
}

export function agreementCommand(program: Command) {
  const agreement = program.command('agreement').description('Referral agreements and their one-pager');

  withTermFlags(
    agreement
      .command('add')
      .description('Propose an agreement to a partner')
      .argument('<partner>', 'id, e-mail or name'),
  ).action(async (ref: string, opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const partner = await resolvePartner(deps, ctx, ref);
      const created = await addAgreement(deps, ctx, partner.id, termsFrom(opts));
      emit(o, created, (a) => `${pc.green('Proposed')} an agreement to ${partner.name} ${pc.dim(a.id)}`);
    }),
  );

  withTermFlags(
    agreement
      .command('edit')
      .description('Change the terms of the partner’s current (or --id) agreement')
      .argument('<partner>', 'id, e-mail or name')
      .option('--id <agreement>', 'a specific agreement'),
  ).action(async (ref: string, opts, cmd: Command) =>
    withRuntime(cmd, async ({ deps, ctx }, o) => {
      const { agreement: a } = await pick(deps, ctx, ref, opts.id);
      emit(o, await editAgreement(deps, ctx, a.id, termsFrom(opts)), () => pc.green('Saved'));
    }),
  );

  agreement
    .command('show')
    .description('A partner’s agreements and the one in force')
    .argument('<partner>', 'id, e-mail or name')
    .option('--on <YYYY-MM-DD>', 'which agreement was in force on this day')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const partner = await resolvePartner(deps, ctx, ref);
        const list = await listAgreements(deps, ctx, partner.id, { on: opts.on });
        const { currency } = await showProfile(deps, ctx);
        const fmt = (m: number) => money(m, currency);
        emit(o, list, (l) => {
          if (l.items.length === 0)
            return `No agreement with ${partner.name} yet: partnerloop agreement add "${partner.name}"`;
          return l.items
            .map((a) =>
              [
                `${pc.bold(a.status)}${l.inForce?.id === a.id ? pc.green(' (in force)') : ''} ${pc.dim(a.id)}`,
                keyValues([
                  ['They refer', a.theyReferToUs],
                  ['We refer', a.weReferToThem],
                  ['We pay them', describeFee(a.feeToThem, fmt)],
                  ['They pay us', describeFee(a.feeToUs, fmt)],
                  ['Handoff', [a.handoffMethod, a.handoffInstructions].filter(Boolean).join(' · ')],
                  ['Exclusivity', a.exclusivity],
                  ['Dates', `${a.startDate ?? '—'} → ${a.endDate ?? 'open'} (review ${a.reviewDate ?? '—'})`],
                  ['Disputed', a.disputedTerms.join(', ')],
                ]),
              ].join('\n'),
            )
            .join('\n\n');
        });
      }),
    );

  for (const [name, status, fn, verb, help] of [
    [
      'activate',
      'proposed',
      activateAgreement,
      'Activated',
      'Put the latest proposal in force (ends the previous one)',
    ],
    ['end', 'active', endAgreement, 'Ended', 'End the active agreement'],
  ] as const) {
    agreement
      .command(name)
      .description(help)
      .argument('<partner>', 'id, e-mail or name')
      .option('--id <agreement>', 'a specific agreement')
      .option('--on <YYYY-MM-DD>', 'from this day (default: start date or today)')
      .action(async (ref: string, opts, cmd: Command) =>
        withRuntime(cmd, async ({ deps, ctx }, o) => {
          const { partner, agreement: a } = await pick(deps, ctx, ref, opts.id, status);
          const done = await fn(deps, ctx, a.id, opts.on ? { on: opts.on } : {});
          emit(
            o,
            done,
            (d) =>
              `${pc.green(verb)} the agreement with ${partner.name} (${d.startDate ?? ''}${d.endDate ? ` → ${d.endDate}` : ''})`,
          );
        }),
      );
  }

  agreement
    .command('refuse')
    .description('Record that the partner declined (moves it to declined)')
    .argument('<partner>', 'id, e-mail or name')
    .option('--note <text>', 'why')
    .option('--on <YYYY-MM-DD>', 'when')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const partner = await resolvePartner(deps, ctx, ref);
        emit(
          o,
          await recordRefusal(deps, ctx, partner.id, { note: opts.note, on: opts.on }),
          () => `${pc.green('Recorded')}: ${partner.name} declined`,
        );
      }),
    );

  agreement
    .command('dispute')
    .description('Mark a term disputed (or --settled)')
    .argument('<partner>', 'id, e-mail or name')
    .argument('<term>', AGREEMENT_TERMS.join(' | '))
    .option('--settled', 'the term is agreed again')
    .option('--note <text>', 'what is disputed')
    .option('--id <agreement>', 'a specific agreement')
    .action(async (ref: string, term: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const { agreement: a } = await pick(deps, ctx, ref, opts.id);
        const result = await disputeTerm(deps, ctx, a.id, { term, disputed: !opts.settled, note: opts.note });
        emit(o, result, (r) => r.suggestion ?? pc.green('All terms settled'));
      }),
    );

  agreement
    .command('export')
    .description('Write the one-pager (Markdown or PDF)')
    .argument('<partner>', 'id, e-mail or name')
    .addOption(new Option('--format <format>', 'md or pdf').choices(['md', 'pdf']).default('md'))
    .option('--out <file>', 'write to this file (default: standard output for md, agreement.pdf for pdf)')
    .option('--id <agreement>', 'a specific agreement')
    .action(async (ref: string, opts, cmd: Command) =>
      withRuntime(cmd, async ({ deps, ctx }, o) => {
        const { agreement: a } = await pick(deps, ctx, ref, opts.id);
        if (opts.format === 'pdf') {
          const out = opts.out ?? 'agreement.pdf';
          const pdf = await onePagerPdf(deps, ctx, a.id);
          fs.writeFileSync(out, pdf);
          emit(o, { file: out, format: 'pdf', bytes: pdf.length }, (r) => `${pc.green('Wrote')} ${r.file}`);
          return;
        }
        const { markdown } = await onePager(deps, ctx, a.id);
        if (opts.out) {
          fs.writeFileSync(opts.out, markdown);
          emit(
            o,
            { file: opts.out, format: 'md', bytes: Buffer.byteLength(markdown) },
            (r) => `${pc.green('Wrote')} ${r.file}`,
          );
        } else emit(o, { format: 'md', markdown }, (r) => r.markdown);
      }),
    );
}
